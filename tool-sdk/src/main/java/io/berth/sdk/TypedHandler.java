package io.berth.sdk;

/**
 * What a tool with typed arguments does when called: it gets its arguments as a record, already bound from the call's
 * JSON and checked against the record's constraints. Invalid calls never reach it; the model gets an error result
 * listing every problem instead.
 *
 * @param <A> the arguments record
 */
@FunctionalInterface
public interface TypedHandler<A extends Record> {

    /** As {@link ToolHandler#call}: throw {@link ToolException} for a failure the model should read. */
    ToolResult call(A arguments, ToolContext context) throws Exception;
}
