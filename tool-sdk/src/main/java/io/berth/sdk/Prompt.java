package io.berth.sdk;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A prompt template. Berth checks that required arguments are present before calling the handler; the optional
 * completer suggests argument values. {@code title} and {@code description} may be {@code null}.
 */
public record Prompt(String name, String title, String description, List<PromptArgument> arguments, Handler handler,
                     Completer completer) {

    /** Expands the prompt. A {@link ToolException} becomes an error the client sees with its message. */
    @FunctionalInterface
    public interface Handler {
        PromptResult get(Map<String, String> arguments, ToolContext context) throws Exception;
    }

    public Prompt {
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        Objects.requireNonNull(handler, "handler");
    }
}
