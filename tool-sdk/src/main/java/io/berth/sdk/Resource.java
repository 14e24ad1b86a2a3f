package io.berth.sdk;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A resource with a fixed URI. {@code title}, {@code description} and {@code mimeType} may be {@code null}. The reader
 * runs when a client reads the resource; a {@link ToolException} becomes an error the client sees with its message.
 * {@code scopes} are the OAuth scopes a caller needs, all of them, to see, read and subscribe to it (as for a
 * {@link Tool}); use {@link #builder(String, String)} to declare them.
 */
public record Resource(String uri, String name, String title, String description, String mimeType, Reader reader,
                       Set<String> scopes) implements Offering {

    /** Reads the resource. */
    @FunctionalInterface
    public interface Reader {
        List<ResourceContents> read(String uri, ToolContext context) throws Exception;
    }

    public Resource {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reader, "reader");
        scopes = DeclaredScopes.copy(scopes);
    }

    /** A resource any caller of the tenant may read (the constructor of SDK versions without scopes). */
    public Resource(String uri, String name, String title, String description, String mimeType, Reader reader) {
        this(uri, name, title, description, mimeType, reader, Set.of());
    }

    public static Builder builder(String uri, String name) {
        return new Builder(uri, name);
    }

    /** Builds a {@link Resource}; the URI, name and reader are required. */
    public static final class Builder {
        private final String uri;
        private final String name;
        private String title;
        private String description;
        private String mimeType;
        private Reader reader;
        private Set<String> scopes;

        private Builder(String uri, String name) {
            this.uri = uri;
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

        /** The OAuth scopes a caller needs, all of them, to see, read and subscribe to the resource (default: none). */
        public Builder scopes(String... scopes) {
            this.scopes = DeclaredScopes.of(scopes);
            return this;
        }

        public Resource build() {
            return new Resource(uri, name, title, description, mimeType, reader, scopes);
        }
    }
}
