package io.berth.sdk;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A prompt template. Berth checks that required arguments are present before calling the handler; the optional
 * completer suggests argument values. {@code title} and {@code description} may be {@code null}. {@code scopes} are the
 * OAuth scopes a caller needs, all of them, to see, get and complete the prompt (as for a {@link Tool}); use
 * {@link #builder(String)} to declare them.
 */
public record Prompt(String name, String title, String description, List<PromptArgument> arguments, Handler handler,
                     Completer completer, Set<String> scopes) implements Offering {

    /** Expands the prompt. A {@link ToolException} becomes an error the client sees with its message. */
    @FunctionalInterface
    public interface Handler {
        PromptResult get(Map<String, String> arguments, ToolContext context) throws Exception;
    }

    public Prompt {
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        Objects.requireNonNull(handler, "handler");
        scopes = DeclaredScopes.copy(scopes);
    }

    /** A prompt any caller of the tenant may get (the constructor of SDK versions without scopes). */
    public Prompt(String name, String title, String description, List<PromptArgument> arguments, Handler handler,
                  Completer completer) {
        this(name, title, description, arguments, handler, completer, Set.of());
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a {@link Prompt}; the name and handler are required. */
    public static final class Builder {
        private final String name;
        private String title;
        private String description;
        private List<PromptArgument> arguments;
        private Handler handler;
        private Completer completer;
        private Set<String> scopes;

        private Builder(String name) {
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

        public Builder arguments(PromptArgument... arguments) {
            this.arguments = List.of(arguments);
            return this;
        }

        public Builder handler(Handler handler) {
            this.handler = handler;
            return this;
        }

        /** Suggests argument values ({@code completion/complete}); default: none. */
        public Builder completer(Completer completer) {
            this.completer = completer;
            return this;
        }

        /** The OAuth scopes a caller needs, all of them, to see, get and complete the prompt (default: none). */
        public Builder scopes(String... scopes) {
            this.scopes = DeclaredScopes.of(scopes);
            return this;
        }

        public Prompt build() {
            return new Prompt(name, title, description, arguments, handler, completer, scopes);
        }
    }
}
