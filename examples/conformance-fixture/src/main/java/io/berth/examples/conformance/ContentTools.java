package io.berth.examples.conformance;

import io.berth.sdk.Content;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolResult;

import java.util.List;

/**
 * Tools without arguments that return fixed content, one per MCP content type and one mixing them (scenarios
 * {@code tools-call-simple-text}, {@code -image}, {@code -audio}, {@code -embedded-resource}, {@code -mixed-content}).
 */
final class ContentTools {

    static final String SIMPLE_TEXT = "This is a simple text response for testing.";
    static final String EMBEDDED_TEXT = "This is an embedded resource content.";
    static final String MIXED_TEXT = "Multiple content types test:";
    static final String MIXED_RESOURCE_JSON = "{\"test\":\"data\",\"value\":123}";

    private ContentTools() {
    }

    static List<Tool> tools() {
        return List.of(
                fixed("test_simple_text", "Tests simple text content response",
                        new Content.Text(SIMPLE_TEXT)),
                fixed("test_image_content", "Tests image content response",
                        new Content.Image(SampleMedia.PNG_BASE64, "image/png")),
                fixed("test_audio_content", "Tests audio content response",
                        new Content.Audio(SampleMedia.WAV_BASE64, "audio/wav")),
                fixed("test_embedded_resource", "Tests embedded resource content response",
                        new Content.EmbeddedResource("test://embedded-resource", "text/plain", EMBEDDED_TEXT, null)),
                fixed("test_multiple_content_types", "Tests response with multiple content types (text, image, resource)",
                        new Content.Text(MIXED_TEXT),
                        new Content.Image(SampleMedia.PNG_BASE64, "image/png"),
                        new Content.EmbeddedResource("test://mixed-content-resource", "application/json",
                                MIXED_RESOURCE_JSON, null)));
    }

    /** A tool without arguments that always returns {@code content}; the result is immutable, so one serves all calls. */
    private static Tool fixed(String name, String description, Content... content) {
        ToolResult result = ToolResult.of(content);
        return Tool.builder(name).description(description).handler((call, context) -> result).build();
    }
}
