package io.berth.sdk;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A family of resources named by an RFC 6570 URI template of simple {@code {variable}} expressions, e.g.
 * {@code notes://{folder}/{id}}. Each variable matches one or more characters other than {@code /}. The reader gets the
 * variables taken from the URI a client reads; the optional completer suggests variable values.
 */
public record ResourceTemplate(String uriTemplate, String name, String title, String description, String mimeType,
                               Reader reader, Completer completer) {

    /** Reads one resource of the family. */
    @FunctionalInterface
    public interface Reader {
        List<ResourceContents> read(String uri, Map<String, String> variables, ToolContext context) throws Exception;
    }

    public ResourceTemplate {
        Objects.requireNonNull(uriTemplate, "uriTemplate");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reader, "reader");
    }
}
