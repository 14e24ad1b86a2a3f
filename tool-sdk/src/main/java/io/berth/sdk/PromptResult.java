package io.berth.sdk;

import java.util.List;

/** What a prompt expands to; {@code description} may be {@code null}. */
public record PromptResult(String description, List<PromptMessage> messages) {

    public PromptResult {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
