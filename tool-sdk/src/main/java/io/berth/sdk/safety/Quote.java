package io.berth.sdk.safety;

/** A value quoted for a message: cut short, and control and invisible characters written as escapes. */
final class Quote {

    private static final int SHOWN = 60;

    private Quote() {
    }

    static String of(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (shown++ == SHOWN) {
                out.append('…');
                break;
            }
            if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.SURROGATE || c == '"' || c == '\\') {
                out.append(c == '"' || c == '\\' ? "\\" + (char) c : String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return out.append('"').toString();
    }
}
