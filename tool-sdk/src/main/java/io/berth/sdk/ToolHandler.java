package io.berth.sdk;

/** What a tool does when called. */
@FunctionalInterface
public interface ToolHandler {

    /**
     * Runs the tool. Throw {@link ToolException} for a failure the model should read (it becomes a result with
     * {@code isError: true}); any other exception is reported to the model as a generic failure, its details logged
     * by Berth for the tenant.
     */
    ToolResult call(ToolCall call, ToolContext context) throws Exception;
}
