package io.berth.sdk;

import java.util.Objects;

/** A piece of a tool result, as MCP defines it. */
public sealed interface Content permits Content.Text, Content.Image, Content.Audio, Content.ResourceLink,
        Content.EmbeddedResource {

    /** Plain text. */
    record Text(String text) implements Content {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An image, base64-encoded. */
    record Image(String base64Data, String mimeType) implements Content {
        public Image {
            Objects.requireNonNull(base64Data, "base64Data");
            Objects.requireNonNull(mimeType, "mimeType");
        }
    }

    /** Audio, base64-encoded. */
    record Audio(String base64Data, String mimeType) implements Content {
        public Audio {
            Objects.requireNonNull(base64Data, "base64Data");
            Objects.requireNonNull(mimeType, "mimeType");
        }
    }

    /** A link to a resource the client may read; {@code description} and {@code mimeType} may be {@code null}. */
    record ResourceLink(String uri, String name, String description, String mimeType) implements Content {
        public ResourceLink {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(name, "name");
        }
    }

    /** A resource embedded in the result: exactly one of {@code text} and {@code base64Blob} is set. */
    record EmbeddedResource(String uri, String mimeType, String text, String base64Blob) implements Content {
        public EmbeddedResource {
            Objects.requireNonNull(uri, "uri");
            if ((text == null) == (base64Blob == null)) {
                throw new IllegalArgumentException("exactly one of text and base64Blob must be set");
            }
        }
    }
}
