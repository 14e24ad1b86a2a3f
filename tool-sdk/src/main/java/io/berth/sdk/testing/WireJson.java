package io.berth.sdk.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain-Java JSON as it looks after a trip through Berth's JSON: integers as {@code Long} (or {@code BigDecimal} beyond
 * its range), other numbers as {@code BigDecimal}, objects as insertion-ordered maps. Anything that is no JSON value
 * is refused, as Berth could neither receive nor send it.
 */
final class WireJson {

    private WireJson() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, ?> map, String path) {
        return (Map<String, Object>) value(map, path);
    }

    static Object value(Object v, String path) {
        if (v == null || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, value) -> {
                if (!(k instanceof String key)) {
                    throw new IllegalArgumentException(path + ": JSON object keys must be strings, not " + k);
                }
                copy.put(key, value(value, path + "[\"" + key + "\"]"));
            });
            return Collections.unmodifiableMap(copy);
        }
        if (v instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(value(list.get(i), path + "[" + i + "]"));
            }
            return Collections.unmodifiableList(copy);
        }
        if (v instanceof Number n) {
            return number(n, path);
        }
        throw new IllegalArgumentException(path + ": " + v.getClass().getName() + " is not a JSON value; use "
                + "Map, List, String, Number, Boolean or null (a date, say, as its ISO string)");
    }

    private static Object number(Number n, String path) {
        BigDecimal decimal;
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        } else if (n instanceof BigInteger i) {
            decimal = new BigDecimal(i);
        } else if (n instanceof BigDecimal d) {
            decimal = d;
        } else if ((n instanceof Double || n instanceof Float) && Double.isFinite(n.doubleValue())) {
            decimal = new BigDecimal(n.toString());
        } else {
            throw new IllegalArgumentException(path + ": " + n + " is not a JSON number");
        }
        if (decimal.scale() == 0 && decimal.precision() <= 19) {
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException e) {
                return decimal;
            }
        }
        return decimal;
    }
}
