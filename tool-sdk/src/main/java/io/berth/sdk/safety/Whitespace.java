package io.berth.sdk.safety;

/**
 * Tidies extracted text: white space runs become one space, line breaks (which only block elements make) one line
 * break, lines are trimmed, and control characters are dropped, as are invisible formatting characters (bidirectional
 * overrides, zero-width spaces, the Unicode tag characters used to smuggle hidden instructions to models) except the
 * zero-width (non-)joiners that emoji and some scripts need.
 */
final class Whitespace {

    private Whitespace() {
    }

    static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int newlines = 0;
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n' || c == '\r' || c == '\f' || c == 0x0b || c == 0x2028 || c == 0x2029) {
                newlines++;
                space = false;
            } else if (c == ' ' || c == '\t' || c == 0xa0 || Character.isSpaceChar(c)) {
                space = true;
            } else if (Character.getType(c) != Character.CONTROL && (Character.getType(c) != Character.FORMAT
                    || c == 0x200c || c == 0x200d)) {
                if (out.length() > 0) {
                    out.append(newlines > 0 ? "\n" : space ? " " : "");
                }
                newlines = 0;
                space = false;
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }
}
