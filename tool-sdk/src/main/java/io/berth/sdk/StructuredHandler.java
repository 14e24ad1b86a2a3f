package io.berth.sdk;

/**
 * What a tool with typed arguments and a typed result does when called. The returned record becomes the result's
 * {@code structuredContent} (matching the tool's generated {@code outputSchema}) and, as JSON text, its content.
 *
 * @param <A> the arguments record
 * @param <O> the result record
 */
@FunctionalInterface
public interface StructuredHandler<A extends Record, O extends Record> {

    /**
     * Runs the tool; must not return {@code null}. Throw {@link ToolException} for a failure the model should read
     * (it becomes a result with {@code isError: true} and no structured content).
     */
    O call(A arguments, ToolContext context) throws Exception;
}
