package io.berth.sdk;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One call of a tool: its name and arguments (a JSON object as plain Java, see the package documentation). */
public record ToolCall(String name, Map<String, Object> arguments) {

    public ToolCall {
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? Map.of() : Frozen.map(arguments);
    }

    /** The string argument {@code key}; a {@link ToolException} when it is absent or not a string. */
    public String requireString(String key) throws ToolException {
        Object v = arguments.get(key);
        if (v instanceof String s) {
            return s;
        }
        throw new ToolException("Argument '" + key + "' must be a string");
    }

    /** The number argument {@code key}, if present and a number. */
    public Optional<Number> number(String key) {
        return arguments.get(key) instanceof Number n ? Optional.of(n) : Optional.empty();
    }
}
