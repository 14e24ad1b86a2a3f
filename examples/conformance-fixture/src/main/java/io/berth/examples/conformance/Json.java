package io.berth.examples.conformance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds JSON objects as plain Java, the form the SDK exchanges them in. */
final class Json {

    private Json() {
    }

    /**
     * A JSON object from alternating keys and values. It keeps its keys in order, so {@code tools/list} reads the same
     * on every call and every node ({@code Map.of} iterates in an order that changes between JVM runs), and it cannot
     * change, because {@code Tool} copies only the top level of a schema.
     */
    static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
