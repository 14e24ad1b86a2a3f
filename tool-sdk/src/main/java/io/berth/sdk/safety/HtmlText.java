package io.berth.sdk.safety;

/**
 * HTML turned into plain text, for showing fetched or user-written HTML to a model (or storing it as text): tags,
 * comments, doctypes and processing instructions are removed with everything inside them (attributes, event handlers,
 * {@code javascript:} URLs), the content of {@code script}, {@code style} and the other elements whose content is not
 * text ({@code iframe}, {@code noscript}, {@code template}, {@code object}, {@code svg}, {@code math}, …) is dropped,
 * character references are decoded, and white space is tidied (block elements and {@code <br>} end a line).
 *
 * <p>The input is read once, left to right, by a small tokenizer that follows the HTML parsing rules where they
 * matter for this: a {@code >} inside a quoted attribute value does not end a tag, an unterminated tag or comment
 * swallows the rest, and a {@code <} that starts no tag is text. So no nesting trick ({@code <scr<script>ipt>}) can
 * make a tag out of the remains of another.
 *
 * <p>The result is <em>text</em>: {@code &lt;b&gt;} becomes {@code <b>}. To put it into HTML again, escape it
 * ({@link #escape(String)}).
 */
public final class HtmlText {

    private HtmlText() {
    }

    /** The plain text of {@code html}. */
    public static String toPlainText(String html) {
        return Whitespace.tidy(new HtmlTokenizer(html).text());
    }

    /** {@code text} with {@code & < > " '} written as character references, safe in HTML content and attributes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
