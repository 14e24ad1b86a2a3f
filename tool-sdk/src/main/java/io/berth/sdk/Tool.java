package io.berth.sdk;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tool declaration. {@code inputSchema} and {@code outputSchema} are JSON Schema (2020-12) objects as plain Java;
 * Berth passes them to clients verbatim. Use {@link #builder(String)}.
 */
public record Tool(String name, String title, String description, Map<String, Object> inputSchema,
                   Map<String, Object> outputSchema, ToolHints hints, TaskSupport taskSupport, ToolHandler handler) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    /** The schema of a tool that takes no arguments. */
    public static final Map<String, Object> NO_ARGUMENTS = Map.of("type", "object", "additionalProperties", false);

    public Tool {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name must be 1-128 of A-Z a-z 0-9 _ . -: " + name);
        }
        Objects.requireNonNull(description, "description");
        inputSchema = inputSchema == null ? NO_ARGUMENTS : copy(inputSchema);
        outputSchema = outputSchema == null ? null : copy(outputSchema);
        hints = hints == null ? ToolHints.NONE : hints;
        taskSupport = taskSupport == null ? TaskSupport.FORBIDDEN : taskSupport;
        Objects.requireNonNull(handler, "handler");
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    private static Map<String, Object> copy(Map<String, Object> schema) {
        if (!"object".equals(schema.get("type"))) {
            throw new IllegalArgumentException("a tool schema must be of type object");
        }
        return Frozen.map(schema);
    }

    /** Builds a {@link Tool}; only the name, description and handler are required. */
    public static final class Builder {
        private final String name;
        private String title;
        private String description;
        private Map<String, Object> inputSchema;
        private Map<String, Object> outputSchema;
        private ToolHints hints;
        private TaskSupport taskSupport;
        private ToolHandler handler;

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

        public Builder inputSchema(Map<String, Object> inputSchema) {
            this.inputSchema = inputSchema;
            return this;
        }

        public Builder outputSchema(Map<String, Object> outputSchema) {
            this.outputSchema = outputSchema;
            return this;
        }

        public Builder hints(ToolHints hints) {
            this.hints = hints;
            return this;
        }

        /** Whether the tool may run as a task (default {@link TaskSupport#FORBIDDEN}). */
        public Builder taskSupport(TaskSupport taskSupport) {
            this.taskSupport = taskSupport;
            return this;
        }

        public Builder handler(ToolHandler handler) {
            this.handler = handler;
            return this;
        }

        public Tool build() {
            return new Tool(name, title, description, inputSchema, outputSchema, hints, taskSupport, handler);
        }
    }
}
