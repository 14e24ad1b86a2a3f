package io.berth.sdk.safety;

import java.util.Map;
import java.util.Optional;

/**
 * HTML character references: numeric ones, and the named ones text commonly uses. An unknown name, or a reference
 * without its {@code ;}, stays as written; a number that is no character (0, a surrogate, beyond U+10FFFF) becomes
 * U+FFFD, as browsers do.
 */
final class CharacterReferences {

    private static final Map<String, Integer> NAMED = Map.ofEntries(Map.entry("amp", (int) '&'),
            Map.entry("lt", (int) '<'), Map.entry("gt", (int) '>'), Map.entry("quot", (int) '"'),
            Map.entry("apos", (int) '\''), Map.entry("nbsp", 0xa0), Map.entry("copy", 0xa9), Map.entry("reg", 0xae),
            Map.entry("trade", 0x2122), Map.entry("hellip", 0x2026), Map.entry("mdash", 0x2014),
            Map.entry("ndash", 0x2013), Map.entry("lsquo", 0x2018), Map.entry("rsquo", 0x2019),
            Map.entry("ldquo", 0x201c), Map.entry("rdquo", 0x201d), Map.entry("laquo", 0xab),
            Map.entry("raquo", 0xbb), Map.entry("euro", 0x20ac), Map.entry("pound", 0xa3), Map.entry("yen", 0xa5),
            Map.entry("cent", 0xa2), Map.entry("sect", 0xa7), Map.entry("deg", 0xb0), Map.entry("times", 0xd7),
            Map.entry("divide", 0xf7), Map.entry("middot", 0xb7), Map.entry("bull", 0x2022),
            Map.entry("shy", 0xad));

    private static final int LONGEST = 8;

    private CharacterReferences() {
    }

    /** At a {@code &}: the character it stands for and the index after it, if it is a reference. */
    record Decoded(int codePoint, int end) {
    }

    static Optional<Decoded> decode(String s, int at) {
        int limit = Math.min(s.length(), at + LONGEST + 4);
        int semicolon = -1;
        for (int i = at + 2; i < limit && semicolon < 0; i++) {
            if (s.charAt(i) == ';') {
                semicolon = i;
            }
        }
        if (semicolon < 0) {
            return Optional.empty();
        }
        String body = s.substring(at + 1, semicolon);
        Integer c = body.startsWith("#") ? numeric(body.substring(1)) : NAMED.get(body);
        if (c == null) {
            return Optional.empty();
        }
        return Optional.of(new Decoded(c, semicolon + 1));
    }

    private static Integer numeric(String digits) {
        boolean hex = digits.startsWith("x") || digits.startsWith("X");
        String number = hex ? digits.substring(1) : digits;
        if (number.isEmpty() || number.length() > LONGEST) {
            return null;
        }
        for (char d : number.toCharArray()) {
            if (d >= 128 || Character.digit(d, hex ? 16 : 10) < 0) {
                return null;
            }
        }
        int value = Integer.parseInt(number, hex ? 16 : 10);
        return value == 0 || value > Character.MAX_CODE_POINT || value >= 0xd800 && value <= 0xdfff ? 0xfffd : value;
    }
}
