package io.berth.sdk;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A family of resources named by an RFC 6570 URI template of simple {@code {variable}} expressions, e.g.
 * {@code notes://{folder}/{id}}. Each variable matches one or more characters other than {@code /}. The reader gets the
 * variables taken from the URI a client reads; the optional completer suggests variable values. {@code scopes} are
 * the OAuth scopes a caller needs, all of them, to see the template and to read, subscribe to and complete any
 * resource of the family (as for a {@link Tool}); use {@link #builder(String, String)} to declare them.
 */
public record ResourceTemplate(String uriTemplate, String name, String title, String description, String mimeType,
                               Reader reader, Completer completer, Set<String> scopes) implements Offering {

    /** Reads one resource of the family. */
    @FunctionalInterface
    public interface Reader {
        List<ResourceContents> read(String uri, Map<String, String> variables, ToolContext context) throws Exception;
    }

    public ResourceTemplate {
        Objects.requireNonNull(uriTemplate, "uriTemplate");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reader, "reader");
        scopes = DeclaredScopes.copy(scopes);
    }

    /** A template any caller of the tenant may read (the constructor of SDK versions without scopes). */
    public ResourceTemplate(String uriTemplate, String name, String title, String description, String mimeType,
                            Reader reader, Completer completer) {
        this(uriTemplate, name, title, description, mimeType, reader, completer, Set.of());
    }

    public static Builder builder(String uriTemplate, String name) {
        return new Builder(uriTemplate, name);
    }

    /** Builds a {@link ResourceTemplate}; the URI template, name and reader are required. */
    public static final class Builder {
        private final String uriTemplate;
        private final String name;
        private String title;
        private String description;
        private String mimeType;
        private Reader reader;
        private Completer completer;
        private Set<String> scopes;

        private Builder(String uriTemplate, String name) {
            this.uriTemplate = uriTemplate;
            this.name = name;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder mimeType(String mimeType) {
            this.mimeType = mimeType;
            return this;
        }

        public Builder reader(Reader reader) {
            this.reader = reader;
            return this;
        }

        /** Suggests values of the template's variables ({@code completion/complete}); default: none. */
        public Builder completer(Completer completer) {
            this.completer = completer;
            return this;
        }

        /** The OAuth scopes a caller needs, all of them, to see the template and read its resources (default: none). */
        public Builder scopes(String... scopes) {
            this.scopes = DeclaredScopes.of(scopes);
            return this;
        }

        public ResourceTemplate build() {
            return new ResourceTemplate(uriTemplate, name, title, description, mimeType, reader, completer, scopes);
        }
    }
}
