package io.berth.sdk;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ContentTest {

    @Test
    void textRequiresText() {
        assertThrows(NullPointerException.class, () -> new Content.Text(null));
        assertEquals("", new Content.Text("").text());
    }

    @Test
    void imageAndAudioRequireDataAndMimeType() {
        assertThrows(NullPointerException.class, () -> new Content.Image(null, "image/png"));
        assertThrows(NullPointerException.class, () -> new Content.Image("AA==", null));
        assertThrows(NullPointerException.class, () -> new Content.Audio(null, "audio/wav"));
        assertThrows(NullPointerException.class, () -> new Content.Audio("AA==", null));
    }

    @Test
    void resourceLinkRequiresUriAndNameOnly() {
        assertThrows(NullPointerException.class, () -> new Content.ResourceLink(null, "n", null, null));
        assertThrows(NullPointerException.class, () -> new Content.ResourceLink("test://x", null, null, null));
        assertDoesNotThrow(() -> new Content.ResourceLink("test://x", "n", null, null));
    }

    @Test
    void embeddedResourceRequiresUri() {
        assertThrows(NullPointerException.class, () -> new Content.EmbeddedResource(null, "text/plain", "t", null));
    }

    @Test
    void embeddedResourceHoldsExactlyOneOfTextAndBlob() {
        assertDoesNotThrow(() -> new Content.EmbeddedResource("test://x", "text/plain", "t", null));
        assertDoesNotThrow(() -> new Content.EmbeddedResource("test://x", null, null, "AA=="));
        assertThrows(IllegalArgumentException.class,
                () -> new Content.EmbeddedResource("test://x", "text/plain", null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Content.EmbeddedResource("test://x", "text/plain", "t", "AA=="));
    }
}
