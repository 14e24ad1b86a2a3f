package io.berth.sdk;

import java.util.Objects;

/** One message of a prompt. */
public record PromptMessage(Role role, Content content) {

    /** Who speaks a prompt message. */
    public enum Role { USER, ASSISTANT }

    public PromptMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static PromptMessage user(Content content) {
        return new PromptMessage(Role.USER, content);
    }

    public static PromptMessage assistant(Content content) {
        return new PromptMessage(Role.ASSISTANT, content);
    }
}
