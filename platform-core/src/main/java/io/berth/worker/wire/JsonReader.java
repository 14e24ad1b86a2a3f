package io.berth.worker.wire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser into the SDK's plain-Java JSON values: {@code Map} (insertion-ordered), {@code List},
 * {@code String}, {@code Long} for integers that fit and {@code BigDecimal} for every other number (as the host's JSON-P
 * conversion does), {@code Boolean} and {@code null}.
 *
 * <p>Strict because the other side of the worker protocol is not trusted: anything RFC 8259 does not allow is refused
 * (leading zeros, {@code +}, bare control characters, unknown escapes, unpaired surrogates, trailing text), and so are
 * duplicate object keys and nesting deeper than the limit.
 */
public final class JsonReader {

    /** Nesting the protocol needs (envelope + params) on top of MCP's own 64 levels of tool arguments. */
    public static final int DEFAULT_MAX_DEPTH = 96;

    private final String text;
    private final int maxDepth;
    private int pos;

    private JsonReader(String text, int maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    /** Parses one JSON text; surrounding whitespace is allowed, anything else after the value is not. */
    public static Object parse(String text) {
        return parse(text, DEFAULT_MAX_DEPTH);
    }

    public static Object parse(String text, int maxDepth) {
        JsonReader r = new JsonReader(text, maxDepth);
        r.skipSpace();
        Object value = r.value(0);
        r.skipSpace();
        if (r.pos != text.length()) {
            throw r.fail("unexpected text after the value");
        }
        return value;
    }

    private Object value(int depth) {
        if (pos >= text.length()) {
            throw fail("unexpected end");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw fail("unexpected character");
            }
        };
    }

    private Map<String, Object> object(int depth) {
        checkDepth(depth);
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw fail("expected a member name");
            }
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            Object v = value(depth);
            if (map.containsKey(key)) {
                throw fail("duplicate member name");
            }
            map.put(key, v);
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array(int depth) {
        checkDepth(depth);
        pos++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value(depth));
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder b = null;
        int start = pos;
        while (true) {
            if (pos >= text.length()) {
                throw fail("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = b == null ? text.substring(start, pos) : b.append(text, start, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw fail("control character in a string");
            }
            if (Character.isSurrogate(c)) {
                surrogatePair(c);
                continue;
            }
            if (c == '\\') {
                if (b == null) {
                    b = new StringBuilder();
                }
                b.append(text, start, pos);
                escape(b);
                start = pos;
                continue;
            }
            pos++;
        }
    }

    private void surrogatePair(char c) {
        if (Character.isHighSurrogate(c) && pos + 1 < text.length() && Character.isLowSurrogate(text.charAt(pos + 1))) {
            pos += 2;
            return;
        }
        throw fail("unpaired surrogate");
    }

    private void escape(StringBuilder b) {
        pos++;
        if (pos >= text.length()) {
            throw fail("unterminated escape");
        }
        char e = text.charAt(pos++);
        switch (e) {
            case '"', '\\', '/' -> b.append(e);
            case 'b' -> b.append('\b');
            case 'f' -> b.append('\f');
            case 'n' -> b.append('\n');
            case 'r' -> b.append('\r');
            case 't' -> b.append('\t');
            case 'u' -> unicodeEscape(b);
            default -> throw fail("invalid escape");
        }
    }

    private void unicodeEscape(StringBuilder b) {
        char c = hex4();
        if (Character.isHighSurrogate(c)) {
            if (pos + 1 < text.length() && text.charAt(pos) == '\\' && text.charAt(pos + 1) == 'u') {
                pos += 2;
                char low = hex4();
                if (Character.isLowSurrogate(low)) {
                    b.append(c).append(low);
                    return;
                }
            }
            throw fail("unpaired surrogate escape");
        }
        if (Character.isLowSurrogate(c)) {
            throw fail("unpaired surrogate escape");
        }
        b.append(c);
    }

    private char hex4() {
        if (pos + 4 > text.length()) {
            throw fail("short unicode escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos++), 16);
            if (d < 0) {
                throw fail("invalid unicode escape");
            }
            v = v * 16 + d;
        }
        return (char) v;
    }

    private Number number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw fail("invalid number");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw fail("invalid fraction");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw fail("invalid exponent");
            }
            digits();
        }
        BigDecimal d;
        try {
            d = new BigDecimal(text.substring(start, pos));
        } catch (NumberFormatException | ArithmeticException e) {
            throw fail("number out of range");
        }
        if (d.scale() == 0 && d.compareTo(LONG_MAX) <= 0 && d.compareTo(LONG_MIN) >= 0) {
            return d.longValueExact();
        }
        return d;
    }

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw fail("invalid literal");
        }
        pos += word.length();
        return value;
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw fail("nested deeper than " + maxDepth);
        }
    }

    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonException fail(String why) {
        return new JsonException("Invalid JSON at " + pos + ": " + why);
    }
}
