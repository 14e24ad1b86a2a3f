package io.berth.sdk;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tool declaration. {@code inputSchema} and {@code outputSchema} are JSON Schema (2020-12) objects as plain Java;
 * Berth passes them to clients verbatim. Use {@link #builder(String)}.
 *
 * <p>{@code scopes} are the OAuth scopes a caller needs to see and call the tool (all of them); {@code
 * requiresApproval} asks Berth to have a person approve each call before it runs. Both are declarations the tenant's
 * policy builds on, not checks the plugin makes.
 */
public record Tool(String name, String title, String description, Map<String, Object> inputSchema,
                   Map<String, Object> outputSchema, ToolHints hints, TaskSupport taskSupport, ToolHandler handler,
                   Set<String> scopes, boolean requiresApproval) implements Offering {

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
        scopes = DeclaredScopes.copy(scopes);
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

    /**
     * Builds a {@link Tool}; only the name, description and handler are required. Either give an input schema and a
     * {@link ToolHandler}, or declare typed arguments with {@link #arguments(Class)}, which generates the schema and
     * continues with a typed handler (set everything else first).
     */
    public static final class Builder {
        private final String name;
        private String title;
        private String description;
        private Map<String, Object> inputSchema;
        private Map<String, Object> outputSchema;
        private ToolHints hints;
        private TaskSupport taskSupport;
        private ToolHandler handler;
        private Set<String> scopes;
        private boolean requiresApproval;

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

        /** The OAuth scopes a caller needs, all of them, to see and call the tool (default: none). */
        public Builder scopes(String... scopes) {
            this.scopes = DeclaredScopes.of(scopes);
            return this;
        }

        /** Whether each call needs a person's approval before it runs (default false). */
        public Builder requiresApproval(boolean requiresApproval) {
            this.requiresApproval = requiresApproval;
            return this;
        }

        public Builder handler(ToolHandler handler) {
            this.handler = handler;
            return this;
        }

        /**
         * Declares the tool's arguments as a record: its JSON Schema is generated from the record's components and
         * their constraints (see the package documentation), and each call is bound to a record instance and validated
         * before the handler runs.
         *
         * @throws IllegalArgumentException when the record cannot be described as a JSON Schema (an unsupported
         *                                  component type, a cycle, a misplaced constraint)
         */
        public <A extends Record> TypedToolBuilder<A> arguments(Class<A> type) {
            if (inputSchema != null || handler != null) {
                throw new IllegalStateException("a tool with typed arguments gets its input schema and handler from "
                        + "arguments(...): set neither inputSchema(...) nor handler(...)");
            }
            return new TypedToolBuilder<>(this, TypedArguments.of(type));
        }

        /** Used by the typed stages, which supply the schemas and the handler. */
        Tool build(Map<String, Object> generatedInput, Map<String, Object> generatedOutput, ToolHandler typed) {
            if (generatedOutput != null && outputSchema != null) {
                throw new IllegalStateException("a tool with a typed result gets its output schema from output(...)");
            }
            return new Tool(name, title, description, generatedInput,
                    generatedOutput != null ? generatedOutput : outputSchema, hints, taskSupport, typed, scopes,
                    requiresApproval);
        }

        public Tool build() {
            return new Tool(name, title, description, inputSchema, outputSchema, hints, taskSupport, handler, scopes,
                    requiresApproval);
        }
    }
}
