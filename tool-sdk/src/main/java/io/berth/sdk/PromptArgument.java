package io.berth.sdk;

import java.util.Objects;

/** An argument of a prompt; {@code description} may be {@code null}. */
public record PromptArgument(String name, String description, boolean required) {

    public PromptArgument {
        Objects.requireNonNull(name, "name");
    }
}
