package io.berth.sdk;

import java.util.Objects;

/** The contents of a resource as read: exactly one of {@code text} and {@code base64Blob} is set. */
public record ResourceContents(String uri, String mimeType, String text, String base64Blob) {

    public ResourceContents {
        Objects.requireNonNull(uri, "uri");
        if ((text == null) == (base64Blob == null)) {
            throw new IllegalArgumentException("exactly one of text and base64Blob must be set");
        }
    }

    public static ResourceContents text(String uri, String mimeType, String text) {
        return new ResourceContents(uri, mimeType, text, null);
    }

    public static ResourceContents blob(String uri, String mimeType, String base64Blob) {
        return new ResourceContents(uri, mimeType, null, base64Blob);
    }
}
