package io.berth.sdk.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** HTML to plain text, including input written to smuggle markup or script through. */
class HtmlTextTest {

    @Test
    void keepsTheTextAndEndsLinesAtBlocks() {
        assertEquals("Title\nHello world, this is bold.\nOne\nTwo", HtmlText.toPlainText(
                "<html><head><title>Title</title></head><body><p>Hello   <b>world</b>,\n this is <i\nclass=x>bold"
                        + "</i>.</p><ul><li>One</li><li>Two</li></ul></body></html>"));
        assertEquals("a\nb", HtmlText.toPlainText("a<br>b"));
        assertEquals("a\nb", HtmlText.toPlainText("<p>a</p>\n\n\n<p>b</p>"));
        assertEquals("a b", HtmlText.toPlainText("a\n\n&#10;b"));
        assertEquals("x y", HtmlText.toPlainText("<table><tr><td>x</td><td>y</td></tr></table>"));
    }

    @Test
    void dropsScriptsStylesAndOtherNonText() {
        assertEquals("before after", HtmlText.toPlainText("before <script>alert('<b>x</b>')</script> after"));
        assertEquals("a b", HtmlText.toPlainText("a <STYLE type=text/css>body{}</StYlE > b"));
        assertEquals("a b", HtmlText.toPlainText("a <svg><script>x</script><text>t</text></svg> b"));
        assertEquals("a b", HtmlText.toPlainText("a <iframe src=x>inner</iframe> b"));
        assertEquals("a b", HtmlText.toPlainText("a <template><p>hidden</p></template> b"));
        assertEquals("a b", HtmlText.toPlainText("a <noscript>no</noscript> b"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "<scr<script>ipt>alert(1)</script>|ipt>alert(1)",
        "<<script>script>alert(1)</script>|<",
        "<script>alert(1)|``",
        "<script>a</scriptx>b</script>c|c",
        "<script src=x></script >ok|ok",
        "<img src=x onerror=alert(1)>ok|ok",
        "<a href='javascript:alert(1)'>link</a>|link",
        "<a title='>' onclick='evil()'>t</a>|t",
        "<a title=\">\">t</a>|t",
        "<div style=\"x\" <script>alert(1)</script>|alert(1)",
        "<!-- <script>alert(1)</script> -->ok|ok",
        "<!--> ok|ok",
        "<!---> ok|ok",
        "<!-- never closed <b>x</b>|``",
        "a --!> b <!-- c --!> d|a --!> b d",
        "<![CDATA[<script>x</script>]]>after|x]]>after",
        "<?php system('id') ?>after|after",
        "<!DOCTYPE html>after|after",
        "1 < 2 and 3 > 2|1 < 2 and 3 > 2",
        "a <b|a",
        "</ script>x|x",
        "</>x|x",
        "<a/href=x/onclick=y>t|t",
        "&lt;script&gt;alert(1)&lt;/script&gt;|<script>alert(1)</script>",
    })
    void hostileInputLeavesNoMarkupThatWasMarkup(String html, String text) {
        assertEquals(text, HtmlText.toPlainText(html));
    }

    @Test
    void decodesCharacterReferences() {
        assertEquals("Tom & Jerry \"quoted\" ' <> © € 😀 ABC", HtmlText.toPlainText(
                "Tom &amp; Jerry &quot;quoted&quot; &#39; &lt;&gt; &copy; &euro; &#x1F600; &#65;&#x42;&#X43;"));
        assertEquals("&unknown; &amp without semicolon �", HtmlText.toPlainText(
                "&unknown; &amp without semicolon &#0;"));
        assertEquals("\ufffd \ufffd", HtmlText.toPlainText("&#xD800; &#x110000;"));
        assertEquals("&#٣;", HtmlText.toPlainText("&#٣;"));
    }

    @Test
    void dropsControlAndInvisibleCharactersThatCouldHideInstructions() {
        String hidden = new StringBuilder("visible").appendCodePoint(0xE0069).appendCodePoint(0xE0067).toString();
        assertEquals("visible", HtmlText.toPlainText(hidden));
        assertEquals("abc", HtmlText.toPlainText("a\u202Eb\u0000c"));
        assertEquals("a b", HtmlText.toPlainText("a&#x202E;&#1; b"));
        assertEquals("👩\u200D💻", HtmlText.toPlainText("👩&#x200D;💻"));
    }

    @Test
    void deeplyNestedOrHugeInputIsReadInLinearTime() {
        String nested = "<div>".repeat(200_000) + "x" + "</div>".repeat(200_000);
        String unclosedScripts = "<script>".repeat(100_000);
        String ampersands = "&".repeat(300_000) + ";";
        String comments = "<!---->".repeat(200_000) + "<!-- - -- -".repeat(50_000);
        String quotes = "<a title='".repeat(100_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertEquals("x", HtmlText.toPlainText(nested));
            assertEquals("", HtmlText.toPlainText(unclosedScripts));
            assertFalse(HtmlText.toPlainText(ampersands).isEmpty());
            assertEquals("", HtmlText.toPlainText(comments));
            assertEquals("", HtmlText.toPlainText(quotes));
        });
    }

    @Test
    void escapeMakesTextSafeForHtml() {
        assertEquals("&lt;script&gt;&amp;&quot;&#39;", HtmlText.escape("<script>&\"'"));
        assertEquals("<b>", HtmlText.toPlainText(HtmlText.escape("<b>")));
    }
}
