package io.berth.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToolCallArgumentsTest {

    private static ToolCall call(Map<String, Object> arguments) {
        return new ToolCall("t", arguments);
    }

    @Test
    void requireStringReturnsAPresentString() throws ToolException {
        assertEquals("hi", call(Map.of("message", "hi")).requireString("message"));
        assertEquals("", call(Map.of("message", "")).requireString("message"));
    }

    @Test
    void requireStringFailsForAnAbsentKeyNamingIt() {
        var e = assertThrows(ToolException.class, () -> call(Map.of("other", "x")).requireString("message"));
        assertTrue(e.getMessage().contains("'message'"), e.getMessage());
    }

    @Test
    void requireStringFailsForAnotherTypeNamingTheKey() {
        var e = assertThrows(ToolException.class, () -> call(Map.of("count", 3L)).requireString("count"));
        assertTrue(e.getMessage().contains("'count'"), e.getMessage());
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("message", null);
        assertThrows(ToolException.class, () -> call(withNull).requireString("message"));
    }

    @Test
    void numberReturnsOnlyNumbers() {
        ToolCall call = call(Map.of("n", 42L, "d", 1.5, "s", "42"));
        assertEquals(Optional.of(42L), call.number("n"));
        assertEquals(Optional.of(1.5), call.number("d"));
        assertEquals(Optional.empty(), call.number("s"));
        assertEquals(Optional.empty(), call.number("absent"));
    }

    @Test
    void argumentsAreCopiedAndUnmodifiable() {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("message", "before");
        ToolCall call = call(arguments);
        arguments.put("message", "after");
        arguments.put("extra", 1L);

        assertEquals(Map.of("message", "before"), call.arguments());
        assertThrows(UnsupportedOperationException.class, () -> call.arguments().put("x", 1L));
    }

    @Test
    void nullArgumentsAreEmpty() {
        ToolCall call = call(null);
        assertEquals(Map.of(), call.arguments());
        assertEquals(Optional.empty(), call.number("n"));
    }

    @Test
    void nameIsRequired() {
        assertThrows(NullPointerException.class, () -> new ToolCall(null, Map.of()));
    }
}
