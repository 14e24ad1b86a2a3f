package io.berth.sdk;

import java.util.Map;
import java.util.Objects;

/**
 * The user's answer to an elicitation: {@code action} is {@code accept}, {@code decline} or {@code cancel};
 * {@code content} (the submitted form, plain-Java JSON) is present only when accepted.
 */
public record Elicitation(String action, Map<String, Object> content) {

    public Elicitation {
        Objects.requireNonNull(action, "action");
        content = content == null ? null : Frozen.map(content);
    }

    public boolean accepted() {
        return "accept".equals(action);
    }
}
