package io.berth.sdk;

import java.util.Objects;

/**
 * A named secret the tenant's operator stored for its plugins ({@link ToolContext#secret(String)}), such as an API
 * token. Its {@link #toString()} shows only the name, so that logging it by mistake does not leak it; call
 * {@link #reveal()} only where the value is used (a header of an egress request), and never log, return or store
 * the value.
 */
public final class Secret {

    private final String name;
    private final String value;

    public Secret(String name, String value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
    }

    public String name() {
        return name;
    }

    /** The secret value itself. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret[" + name + ", value hidden]";
    }
}
