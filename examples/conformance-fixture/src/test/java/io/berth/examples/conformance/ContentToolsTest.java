package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.berth.sdk.Content;
import io.berth.sdk.ToolResult;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentToolsTest {

    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
    private static final String WAV = "UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=";

    private static List<Content> contentOf(String tool) throws Exception {
        ToolResult result = Fixture.call(tool);
        assertFalse(result.isError(), tool);
        assertNull(result.structuredContent(), tool);
        return result.content();
    }

    @Test
    void simpleText() throws Exception {
        assertEquals(List.of(new Content.Text("This is a simple text response for testing.")),
                contentOf("test_simple_text"));
    }

    @Test
    void image() throws Exception {
        assertEquals(List.of(new Content.Image(PNG, "image/png")), contentOf("test_image_content"));
    }

    @Test
    void audio() throws Exception {
        assertEquals(List.of(new Content.Audio(WAV, "audio/wav")), contentOf("test_audio_content"));
    }

    @Test
    void embeddedResource() throws Exception {
        assertEquals(List.of(new Content.EmbeddedResource("test://embedded-resource", "text/plain",
                "This is an embedded resource content.", null)), contentOf("test_embedded_resource"));
    }

    @Test
    void multipleContentTypesInOrder() throws Exception {
        assertEquals(List.of(
                new Content.Text("Multiple content types test:"),
                new Content.Image(PNG, "image/png"),
                new Content.EmbeddedResource("test://mixed-content-resource", "application/json",
                        "{\"test\":\"data\",\"value\":123}", null)), contentOf("test_multiple_content_types"));
    }

    @Test
    void payloadsAreWhatTheirMimeTypesSay() {
        byte[] png = Base64.getDecoder().decode(SampleMedia.PNG_BASE64);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(png, 8));
        byte[] wav = Base64.getDecoder().decode(SampleMedia.WAV_BASE64);
        assertEquals("RIFF", new String(wav, 0, 4, StandardCharsets.US_ASCII));
        assertEquals("WAVE", new String(wav, 8, 4, StandardCharsets.US_ASCII));
    }
}
