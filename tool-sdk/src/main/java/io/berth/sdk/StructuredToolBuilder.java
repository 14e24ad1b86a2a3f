package io.berth.sdk;

import java.util.Objects;

/**
 * The last stage of {@link Tool.Builder} for a tool with typed arguments and a typed result.
 *
 * @param <A> the arguments record
 * @param <O> the result record
 */
public final class StructuredToolBuilder<A extends Record, O extends Record> {

    private final Tool.Builder tool;
    private final TypedArguments<A> arguments;
    private final TypedResult<O> result;
    private StructuredHandler<A, O> handler;

    StructuredToolBuilder(Tool.Builder tool, TypedArguments<A> arguments, TypedResult<O> result) {
        this.tool = tool;
        this.arguments = arguments;
        this.result = result;
    }

    public StructuredToolBuilder<A, O> handler(StructuredHandler<A, O> handler) {
        this.handler = handler;
        return this;
    }

    public Tool build() {
        return tool.build(arguments.schema(), result.schema(),
                arguments.handler(result, Objects.requireNonNull(handler, "handler")));
    }
}
