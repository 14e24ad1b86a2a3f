package io.berth.examples.conformance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Writes plain-Java JSON values as compact JSON text, the way JavaScript's {@code JSON.stringify} does, so that a tool
 * quoting what a client sent reads byte for byte like the reference server's. Objects keep their keys in iteration
 * order; strings are escaped as {@code JSON.stringify} escapes them ({@code \"}, {@code \\}, {@code \b \f \n \r \t},
 * other control characters and lone surrogates as lower-case {@code \}{@code u00xx}, nothing else); numbers are written
 * as JavaScript writes them, since the reference server holds every number as a double: {@code 88.0} is {@code 88},
 * {@code 1e21} is {@code 1e+21}, {@code 1e-7} is {@code 1e-7}, and NaN and the infinities are {@code null}.
 */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /**
     * The JSON text of {@code value}: a {@code Map} (keys as strings), {@code List}, {@code String}, {@code Number},
     * {@code Boolean} or {@code null}, nested freely.
     *
     * @throws IllegalArgumentException on any other type
     */
    static String stringify(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Number n) {
            out.append(number(n));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a plain-Java JSON value: " + value.getClass().getName());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || loneSurrogate(s, i)) {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean loneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    /** JavaScript's {@code Number.prototype.toString()} of the number, or {@code null} where JSON has no number. */
    static String number(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger) {
            return n.toString();
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null";
        }
        if (d == 0) {
            return "0"; // also -0
        }
        BigDecimal shortest = shortest(d);
        String digits = shortest.unscaledValue().abs().toString();
        int k = digits.length();
        int e = k - shortest.scale(); // the value is 0.digits x 10^e
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (k <= e && e <= 21) {
            out.append(digits).append("0".repeat(e - k));
        } else if (0 < e && e <= 21) {
            out.append(digits, 0, e).append('.').append(digits, e, k);
        } else if (-6 < e && e <= 0) {
            out.append("0.").append("0".repeat(-e)).append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(e - 1 < 0 ? '-' : '+').append(Math.abs(e - 1));
        }
        return out.toString();
    }

    /**
     * The decimal with the fewest significant digits that reads back as {@code d}, the closest to {@code d} if there
     * are two (ECMAScript's Number::toString). Java 17's {@code Double.toString} does not always find it.
     */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal best = null;
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(precision, mode));
                if (candidate.doubleValue() != d) {
                    continue;
                }
                if (best == null) {
                    best = candidate;
                    continue;
                }
                int closer = candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs());
                if (closer < 0 || closer == 0 && !candidate.unscaledValue().testBit(0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
