package io.berth.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ToolRequiredFieldsTest {

    private static final ToolHandler HANDLER = (call, context) -> ToolResult.text("ok");

    @Test
    void rejectsMissingDescription() {
        var e = assertThrows(NullPointerException.class, () -> Tool.builder("t").handler(HANDLER).build());
        assertEquals("description", e.getMessage());
    }

    @Test
    void rejectsMissingHandler() {
        var e = assertThrows(NullPointerException.class, () -> Tool.builder("t").description("d").build());
        assertEquals("handler", e.getMessage());
    }

    @Test
    void needsNothingElse() {
        Tool tool = Tool.builder("t").description("d").handler(HANDLER).build();
        assertNull(tool.title());
        assertNull(tool.outputSchema());
        assertSame(ToolHints.NONE, tool.hints());
        assertSame(HANDLER, tool.handler());
    }
}
