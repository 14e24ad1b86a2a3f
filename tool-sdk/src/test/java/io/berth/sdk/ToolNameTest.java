package io.berth.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToolNameTest {

    private static Tool named(String name) {
        return Tool.builder(name).description("d").handler((call, context) -> ToolResult.text("ok")).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "echo", "test_simple_text", "get-weather", "ns.tool", "Tool9", "A_b.C-d"})
    void acceptsLettersDigitsUnderscoreDotHyphen(String name) {
        assertEquals(name, named(name).name());
    }

    @Test
    void acceptsUpTo128Characters() {
        String longest = "t".repeat(128);
        assertEquals(longest, named(longest).name());
        assertThrows(IllegalArgumentException.class, () -> named("t".repeat(129)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", " echo", "echo ", "a/b", "../echo", "echo\n", "é", "a:b", "a@b"})
    void rejectsAnythingElse(String name) {
        assertThrows(IllegalArgumentException.class, () -> named(name));
    }

    @Test
    void rejectsNull() {
        assertThrows(NullPointerException.class, () -> named(null));
    }
}
