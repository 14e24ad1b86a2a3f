package io.berth.worker.wire;

import java.util.List;
import java.util.Map;

/**
 * Typed reads of plain-Java JSON objects that refuse what the protocol does not allow. Every failure is a
 * {@link JsonException} naming the member, so a malformed message from the other side never turns into a
 * {@code ClassCastException} deep in the caller.
 */
public final class Fields {

    private Fields() {
    }

    public static String string(Map<String, Object> m, String key) {
        if (m.get(key) instanceof String s) {
            return s;
        }
        throw missing(key, "a string");
    }

    /** The string, or null when absent or null. */
    public static String optString(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw missing(key, "a string");
    }

    public static long integer(Map<String, Object> m, String key) {
        if (m.get(key) instanceof Long l) {
            return l;
        }
        throw missing(key, "an integer");
    }

    public static boolean bool(Map<String, Object> m, String key) {
        if (m.get(key) instanceof Boolean b) {
            return b;
        }
        throw missing(key, "a boolean");
    }

    public static Boolean optBool(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        throw missing(key, "a boolean");
    }

    public static double number(Map<String, Object> m, String key) {
        if (m.get(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw missing(key, "a number");
    }

    public static Map<String, Object> object(Map<String, Object> m, String key) {
        Map<String, Object> o = optObject(m, key);
        if (o == null) {
            throw missing(key, "an object");
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> optObject(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null || v instanceof Map) {
            return (Map<String, Object>) v;
        }
        throw missing(key, "an object");
    }

    public static List<Object> list(Map<String, Object> m, String key) {
        if (m.get(key) instanceof List<?> l) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) l;
            return list;
        }
        throw missing(key, "an array");
    }

    /** The list, or an empty one when absent. */
    public static List<Object> optList(Map<String, Object> m, String key) {
        return m.get(key) == null ? List.of() : list(m, key);
    }

    /** An element of an array that must be an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asObject(Object element, String what) {
        if (element instanceof Map) {
            return (Map<String, Object>) element;
        }
        throw new JsonException(what + " must be an object");
    }

    /** A JSON object of strings, e.g. template variables or prompt arguments. */
    public static Map<String, String> stringMap(Map<String, Object> m, String key) {
        Map<String, Object> o = optObject(m, key);
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (o != null) {
            o.forEach((k, v) -> {
                if (!(v instanceof String s)) {
                    throw missing(key + "." + k, "a string");
                }
                out.put(k, s);
            });
        }
        return out;
    }

    private static JsonException missing(String key, String what) {
        return new JsonException("'" + key + "' must be " + what);
    }
}
