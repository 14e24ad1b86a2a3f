package io.berth.sdk;

import java.util.List;
import java.util.Objects;

/**
 * A resource with a fixed URI. {@code title}, {@code description} and {@code mimeType} may be {@code null}. The reader
 * runs when a client reads the resource; a {@link ToolException} becomes an error the client sees with its message.
 */
public record Resource(String uri, String name, String title, String description, String mimeType, Reader reader) {

    /** Reads the resource. */
    @FunctionalInterface
    public interface Reader {
        List<ResourceContents> read(String uri, ToolContext context) throws Exception;
    }

    public Resource {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reader, "reader");
    }
}
