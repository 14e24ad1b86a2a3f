package io.berth.sdk;

import java.util.List;
import java.util.Map;

/**
 * What a tool returns: content for the model, optional structured content (a JSON object as plain Java, conforming to
 * the tool's output schema when it declares one), and whether it is an error the model should read.
 */
public record ToolResult(List<Content> content, Map<String, Object> structuredContent, boolean isError) {

    public ToolResult {
        content = content == null ? List.of() : List.copyOf(content);
    }

    public static ToolResult text(String text) {
        return new ToolResult(List.of(new Content.Text(text)), null, false);
    }

    public static ToolResult of(Content... content) {
        return new ToolResult(List.of(content), null, false);
    }

    public static ToolResult error(String message) {
        return new ToolResult(List.of(new Content.Text(message)), null, true);
    }
}
