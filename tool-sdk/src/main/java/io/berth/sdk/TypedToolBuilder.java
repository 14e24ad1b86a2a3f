package io.berth.sdk;

import java.util.Objects;

/**
 * The second stage of {@link Tool.Builder} for a tool with typed arguments: give a {@link TypedHandler}, or declare a
 * typed result with {@link #output(Class)} first. Everything else (title, scopes, hints, …) is set on the
 * {@link Tool.Builder} before {@link Tool.Builder#arguments(Class)}.
 *
 * @param <A> the arguments record
 */
public final class TypedToolBuilder<A extends Record> {

    private final Tool.Builder tool;
    private final TypedArguments<A> arguments;
    private TypedHandler<A> handler;

    TypedToolBuilder(Tool.Builder tool, TypedArguments<A> arguments) {
        this.tool = tool;
        this.arguments = arguments;
    }

    public TypedToolBuilder<A> handler(TypedHandler<A> handler) {
        this.handler = handler;
        return this;
    }

    /**
     * Declares the tool's result as a record: its output schema is generated from it, and the handler returns it.
     *
     * @throws IllegalArgumentException when the record cannot be described as a JSON Schema
     */
    public <O extends Record> StructuredToolBuilder<A, O> output(Class<O> type) {
        if (handler != null) {
            throw new IllegalStateException("declare output(...) before the handler: a tool with a typed result "
                    + "takes a StructuredHandler");
        }
        return new StructuredToolBuilder<>(tool, arguments, TypedResult.of(type));
    }

    public Tool build() {
        return tool.build(arguments.schema(), null, arguments.handler(Objects.requireNonNull(handler, "handler")));
    }
}
