package io.berth.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolResultTest {

    @Test
    void textIsOneTextContentAndNoError() {
        ToolResult result = ToolResult.text("hello");
        assertEquals(List.of(new Content.Text("hello")), result.content());
        assertNull(result.structuredContent());
        assertFalse(result.isError());
    }

    @Test
    void errorIsOneTextContentMarkedAsError() {
        ToolResult result = ToolResult.error("boom");
        assertEquals(List.of(new Content.Text("boom")), result.content());
        assertTrue(result.isError());
    }

    @Test
    void ofKeepsContentInOrder() {
        Content text = new Content.Text("a");
        Content image = new Content.Image("AA==", "image/png");
        ToolResult result = ToolResult.of(text, image);
        assertEquals(List.of(text, image), result.content());
        assertFalse(result.isError());
    }

    @Test
    void contentIsCopiedAndUnmodifiable() {
        List<Content> content = new ArrayList<>(List.of(new Content.Text("a")));
        ToolResult result = new ToolResult(content, null, false);
        content.add(new Content.Text("b"));
        assertEquals(List.of(new Content.Text("a")), result.content());
        assertThrows(UnsupportedOperationException.class, () -> result.content().add(new Content.Text("c")));
    }

    @Test
    void nullContentIsEmpty() {
        assertEquals(List.of(), new ToolResult(null, null, false).content());
    }
}
