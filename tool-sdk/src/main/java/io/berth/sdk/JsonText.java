package io.berth.sdk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Plain-Java JSON values as compact JSON text, and short descriptions of them for error messages. */
final class JsonText {

    private static final int QUOTED_CODE_POINTS = 60;

    private JsonText() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** How an error message shows a value the caller sent: strings quoted and cut short, containers by kind. */
    static String describe(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String s && s.codePointCount(0, s.length()) > QUOTED_CODE_POINTS) {
            return write(s.substring(0, s.offsetByCodePoints(0, QUOTED_CODE_POINTS)) + "…");
        }
        return isJson(value) ? write(value) : String.valueOf(value);
    }

    /** Throws an {@link IllegalStateException} naming {@code path} unless {@code value} is plain-Java JSON. */
    static void requireJson(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (!(k instanceof String key)) {
                    throw new IllegalStateException(path + ": JSON object keys must be strings");
                }
                requireJson(v, Binding.key(path, key));
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                requireJson(list.get(i), Binding.index(path, i));
            }
        } else if (!isJson(value)) {
            throw new IllegalStateException(path + ": " + value + " is not a JSON value (see the package "
                    + "documentation of io.berth.sdk)");
        }
    }

    private static boolean isJson(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal
                || (value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue());
    }

    private static void write(Object value, StringBuilder out) {
        if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(separator);
                string(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else if (isJson(value)) {
            out.append(value);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
                    if (c < 0x20 || c == 0x7f || lone) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
