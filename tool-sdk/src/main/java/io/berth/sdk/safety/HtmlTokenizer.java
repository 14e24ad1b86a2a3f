package io.berth.sdk.safety;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** One left-to-right pass over HTML that keeps the text and drops all markup; see {@link HtmlText}. */
final class HtmlTokenizer {

    /** Elements whose content is script, style, embedded documents or inert markup, never text to keep. */
    private static final Set<String> DROPPED = Set.of("script", "style", "xmp", "iframe", "noembed", "noframes",
            "noscript", "template", "object", "applet", "svg", "math");
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "br", "dd", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "title", "tr", "ul");

    private final String s;
    private final int n;
    private final StringBuilder out;
    private int i;

    HtmlTokenizer(String html) {
        this.s = html;
        this.n = html.length();
        this.out = new StringBuilder(html.length());
    }

    String text() {
        while (i < n) {
            char c = s.charAt(i);
            if (c == '<' && markup()) {
                continue;
            }
            var reference = c == '&' ? CharacterReferences.decode(s, i) : Optional.<CharacterReferences.Decoded>empty();
            if (reference.isPresent()) {
                text(reference.get().codePoint());
                i = reference.get().end();
            } else {
                text(c);
                i++;
            }
        }
        return out.toString();
    }

    /** At a {@code <}: skips the comment, declaration or tag it starts; false if it starts none (then it is text). */
    private boolean markup() {
        if (s.startsWith("<!--", i)) {
            comment();
        } else if (at(i + 1, '!') || at(i + 1, '?')) {
            int end = s.indexOf('>', i + 2);
            i = end < 0 ? n : end + 1;
        } else if (at(i + 1, '/')) {
            if (i + 2 < n && isAsciiLetter(s.charAt(i + 2))) {
                i += 2;
                block(name());
                tagBody();
            } else {
                int end = s.indexOf('>', i + 2);
                i = end < 0 ? n : end + 1;
            }
        } else if (i + 1 < n && isAsciiLetter(s.charAt(i + 1))) {
            i += 1;
            String name = name();
            tagBody();
            block(name);
            if (DROPPED.contains(name)) {
                skipUntilEndTag(name);
            }
        } else {
            return false;
        }
        return true;
    }

    /** {@code <!-->} and {@code <!--->} end at once, as browsers read them; an unterminated comment takes the rest. */
    private void comment() {
        if (s.startsWith("<!-->", i) || s.startsWith("<!--->", i)) {
            i = s.indexOf('>', i + 4) + 1;
            return;
        }
        for (int dashes = s.indexOf("--", i + 4); dashes >= 0; dashes = s.indexOf("--", dashes + 1)) {
            if (s.startsWith("-->", dashes) || s.startsWith("--!>", dashes)) {
                i = s.indexOf('>', dashes) + 1;
                return;
            }
        }
        i = n;
    }

    private String name() {
        int start = i;
        while (i < n && !isSpace(s.charAt(i)) && s.charAt(i) != '/' && s.charAt(i) != '>') {
            i++;
        }
        return s.substring(start, i).toLowerCase(Locale.ROOT);
    }

    /**
     * Skips a tag's attributes up to and including its {@code >}. A quote starts a value only right after an
     * attribute name's {@code =}, as in the HTML tokenizer; an unterminated tag or value takes the rest.
     */
    private void tagBody() {
        boolean afterName = false;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '>') {
                i++;
                return;
            }
            if (c == '=' && afterName) {
                i++;
                while (i < n && isSpace(s.charAt(i))) {
                    i++;
                }
                if (i < n && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                    int end = s.indexOf(s.charAt(i), i + 1);
                    i = end < 0 ? n : end + 1;
                }
                afterName = false;
                continue;
            }
            afterName = c == '/' ? false : !isSpace(c) || afterName;
            i++;
        }
    }

    /** Skips the content of a dropped element and its end tag; without one, the rest of the input. */
    private void skipUntilEndTag(String name) {
        while (i < n) {
            int lt = s.indexOf("</", i);
            if (lt < 0) {
                break;
            }
            int after = lt + 2 + name.length();
            if (s.regionMatches(true, lt + 2, name, 0, name.length())
                    && (after == n || isSpace(s.charAt(after)) || s.charAt(after) == '/' || s.charAt(after) == '>')) {
                i = after;
                tagBody();
                return;
            }
            i = lt + 2;
        }
        i = n;
    }

    /** Text, where a line break is white space like any other: only block elements end lines. */
    private void text(int c) {
        boolean lineBreak = c == '\n' || c == '\r' || c == '\f' || c == 0x0b || c == 0x2028 || c == 0x2029;
        out.appendCodePoint(lineBreak ? ' ' : c);
    }

    private void block(String name) {
        if (BLOCKS.contains(name)) {
            out.append('\n');
        } else if (name.equals("td") || name.equals("th")) {
            out.append(' ');
        }
    }

    private boolean at(int index, char c) {
        return index < n && s.charAt(index) == c;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
