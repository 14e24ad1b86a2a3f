package io.berth.sdk.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.ToolException;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** File names that stay in their directory, on every operating system. */
class SafeFileNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"report.pdf", "Q3 results (final).xlsx", "naïve.txt", "日本語.md", "a", "CONSOLE.txt",
            "com10", "nul_report.txt", "file.tar.gz", "ok-file_1"})
    void ordinaryNamesPass(String name) throws ToolException {
        assertEquals(name, SafeFileName.require(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "../etc/passwd", "..\\windows", "/etc/passwd", "C:\\x", "C:x", "a/b",
            "a\\b", ".htaccess", ".git", "a\u0000.txt", "a\n.txt", "a\u007f", "a\u0085b", "evil\u202Etxt.exe",
            "zero\u200Bwidth", "trailing.", "trailing ", " leading", "a<b", "a>b", "a|b", "a?b", "a*b", "a\"b",
            "file.txt:stream", "CON", "con.txt", "Nul", "nul.tar.gz", "NUL .txt", "COM1", "lpt9.log", "COM¹",
            "CONIN$", "a\uFF0Fb", "\uFF0E\uFF0E", "\uFF0Ehidden", "x\uD800y", "\u2028"})
    void dangerousNamesAreRefused(String name) {
        assertTrue(SafeFileName.problem(name).isPresent(), () -> "accepted " + Quote.of(name));
        assertThrows(ToolException.class, () -> SafeFileName.require(name));
    }

    @Test
    void theNameIsNormalizedToNfc() throws ToolException {
        String decomposed = "cafe\u0301.txt";
        assertEquals("caf\u00e9.txt", SafeFileName.require(decomposed));
    }

    @Test
    void nullAndOverlongNamesAreRefused() {
        assertEquals(Optional.of("the file name is empty"), SafeFileName.problem(null));
        assertTrue(SafeFileName.problem("a".repeat(255)).isEmpty());
        assertTrue(SafeFileName.problem("a".repeat(256)).isPresent());
        assertTrue(SafeFileName.problem("é".repeat(128)).isPresent());
    }

    @Test
    void theReasonQuotesTheNameSafely() {
        assertEquals("the file name \"../x\" must not contain a path separator",
                SafeFileName.problem("../x").orElseThrow());
        assertEquals("the file name \"a\\u0000b\" must not contain control, invisible or unassigned characters",
                SafeFileName.problem("a\u0000b").orElseThrow());
        assertTrue(SafeFileName.problem("a\uFF0Fb").orElseThrow().endsWith("(after compatibility normalization)"));
    }
}
