package io.berth.worker.wire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes plain-Java JSON values (see {@link JsonReader}) as compact JSON on one line: every control character is
 * escaped, so a message never contains a raw line break (the protocol's framing relies on it). Unpaired surrogates
 * become U+FFFD, so the strict reader on the other side never sees them. Anything that is not a JSON value (including
 * non-finite numbers and structures nested deeper than the limit, such as a map containing itself) is refused.
 */
public final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int MAX_DEPTH = 128;

    private JsonWriter() {
    }

    public static String write(Object value) {
        StringBuilder b = new StringBuilder(128);
        write(value, b, 0);
        return b.toString();
    }

    private static void write(Object value, StringBuilder b, int depth) {
        if (value == null) {
            b.append("null");
        } else if (value instanceof String s) {
            string(s, b);
        } else if (value instanceof Boolean bool) {
            b.append(bool.booleanValue());
        } else if (value instanceof Map<?, ?> map) {
            object(map, b, depth + 1);
        } else if (value instanceof List<?> list) {
            array(list, b, depth + 1);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            b.append(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new JsonException("Not a JSON number: " + d);
            }
            b.append(d);
        } else if (value instanceof BigDecimal d) {
            b.append(d);
        } else if (value instanceof BigInteger i) {
            b.append(i);
        } else {
            throw new JsonException("Not a JSON value: " + value.getClass().getName());
        }
    }

    private static void object(Map<?, ?> map, StringBuilder b, int depth) {
        checkDepth(depth);
        b.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            string(String.valueOf(e.getKey()), b);
            b.append(':');
            write(e.getValue(), b, depth);
        }
        b.append('}');
    }

    private static void array(List<?> list, StringBuilder b, int depth) {
        checkDepth(depth);
        b.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            write(list.get(i), b, depth);
        }
        b.append(']');
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new JsonException("JSON nested deeper than " + MAX_DEPTH);
        }
    }

    static void string(String s, StringBuilder b) {
        b.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
