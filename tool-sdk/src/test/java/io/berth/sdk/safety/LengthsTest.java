package io.berth.sdk.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.ToolException;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Lengths in code points: an emoji counts once and is never cut in half. */
class LengthsTest {

    private static final String EMOJI = "😀";

    @Test
    void countsCodePointsNotChars() {
        assertEquals(2, EMOJI.length());
        assertEquals(1, Lengths.codePoints(EMOJI));
        assertEquals(Optional.empty(), Lengths.problem(EMOJI.repeat(5), 5, "the title"));
        assertEquals(Optional.of("the title must be at most 5 characters long, not 6"),
                Lengths.problem(EMOJI.repeat(6), 5, "the title"));
        assertEquals(Optional.of("the title is missing"), Lengths.problem(null, 5, "the title"));
    }

    @Test
    void requireReturnsTheTextOrThrowsForTheModel() throws ToolException {
        assertEquals("abc", Lengths.require("abc", 3, "the code"));
        ToolException e = assertThrows(ToolException.class, () -> Lengths.require("abcd", 3, "the code"));
        assertEquals("the code must be at most 3 characters long, not 4", e.getMessage());
    }

    @Test
    void truncateNeverSplitsACodePoint() {
        String text = "a" + EMOJI + "b" + EMOJI;
        assertEquals("a" + EMOJI, Lengths.truncate(text, 2));
        assertEquals(text, Lengths.truncate(text, 4));
        assertEquals("", Lengths.truncate(text, 0));
        assertEquals("a" + EMOJI + "…", Lengths.truncate(text, 3, "…"));
        assertEquals(text, Lengths.truncate(text, 4, "…"));
        assertEquals("…", Lengths.truncate(text, 1, "…"));
        assertTrue(Character.isHighSurrogate(Lengths.truncate(EMOJI.repeat(3), 2).charAt(2)));
        assertThrows(IllegalArgumentException.class, () -> Lengths.truncate("x", -1));
    }
}
