package io.berth.sdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, unmodifiable copies of plain-Java JSON values, so nobody can change a declaration or a call afterwards. */
final class Frozen {

    private Frozen() {
    }

    static Map<String, Object> map(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, value(v)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    static Object value(Object v) {
        if (v instanceof Map<?, ?> m) {
            return map((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(e -> copy.add(value(e)));
            return Collections.unmodifiableList(copy);
        }
        return v;
    }
}
