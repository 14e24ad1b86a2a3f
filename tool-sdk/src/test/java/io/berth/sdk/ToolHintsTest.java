package io.berth.sdk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ToolHintsTest {

    @Test
    void noneIsEmpty() {
        assertTrue(ToolHints.NONE.isEmpty());
    }

    @Test
    void anyStatedHintMakesItNonEmpty() {
        assertFalse(new ToolHints(true, null, null, null).isEmpty());
        assertFalse(new ToolHints(null, false, null, null).isEmpty());
        assertFalse(new ToolHints(null, null, false, null).isEmpty());
        assertFalse(new ToolHints(null, null, null, true).isEmpty());
    }
}
