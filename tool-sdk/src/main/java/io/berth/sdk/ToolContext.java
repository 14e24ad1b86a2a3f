package io.berth.sdk;

/**
 * What a running tool may use: everything is scoped to the calling tenant. New capabilities arrive as default methods,
 * so a plugin built against an older SDK keeps working.
 */
public interface ToolContext {

    /** The tenant on whose behalf the tool runs. */
    String tenantId();

    /**
     * Reports progress to the caller, if it asked for progress. {@code progress} must grow with each call;
     * {@code total} and {@code message} may be {@code null}.
     */
    default void progress(double progress, Double total, String message) {
    }

    /** True once the caller has cancelled the call; long-running tools should check it and stop. */
    default boolean cancelled() {
        return false;
    }

    /**
     * Sends a log message to the caller (MCP {@code notifications/message}) if the caller's log level lets it through.
     * {@code data} is any plain-Java JSON value; {@code logger} may be {@code null}. Never log secrets.
     */
    default void log(LogLevel level, String logger, Object data) {
    }

    /**
     * Asks the user, through the client, for input matching {@code requestedSchema} (a flat JSON Schema object of
     * primitive properties) and waits for the answer. Never ask for secrets this way.
     *
     * @throws ToolException when the client does not support elicitation, or no answer came in time
     */
    default Elicitation elicit(String message, java.util.Map<String, Object> requestedSchema) throws ToolException {
        throw new ToolException("This client does not support elicitation");
    }

    /**
     * Asks the client's model for a completion (MCP {@code sampling/createMessage}) and waits for it. {@code params}
     * and the result are the MCP request params and result as plain-Java JSON.
     *
     * @throws ToolException when the client does not support sampling, or no answer came in time
     */
    default java.util.Map<String, Object> createMessage(java.util.Map<String, Object> params) throws ToolException {
        throw new ToolException("This client does not support sampling");
    }

    /**
     * Asks the client for several inputs at once (keys are yours, unique within the call) and returns every answer.
     * Only ask for what the tool cannot do without: see {@link InputRequest} for how retries work on 2026-07-28.
     *
     * @throws ToolException when the client cannot answer (no such capability, declined transport, timeout)
     */
    default InputResponses requestInput(java.util.Map<String, InputRequest> requests) throws ToolException {
        throw new ToolException("This client cannot provide input");
    }

    /**
     * The client's roots.
     *
     * @throws ToolException when the client does not support roots, or no answer came in time
     */
    default java.util.List<Root> listRoots() throws ToolException {
        return requestInput(java.util.Map.of("roots", new InputRequest.ListRoots())).roots("roots");
    }

    /** A short, human-readable status for a call running as a task ({@code statusMessage}); ignored otherwise. */
    default void status(String message) {
    }

    /**
     * Tells Berth that this plugin's {@code list} changed (a plugin whose {@link ToolPlugin} methods return different
     * declarations over time). Berth reads the plugin's declarations again and notifies subscribed clients.
     */
    default void listChanged(CatalogList list) {
    }

    /**
     * Continues this call as a task, if the tool declares {@link TaskSupport} and the client supports tasks: the
     * client gets a task handle at once and fetches the result later. Input requested before this point is gathered
     * in the call's own round trips; input requested after it waits on the task until the client answers. Call it
     * once the quick checks are done and before the long work. A tool with {@link TaskSupport#REQUIRED} that returns
     * without calling it still ends as a (completed) task.
     *
     * @return true if the call is now a task; false if it continues as an ordinary call
     */
    default boolean runAsTask() {
        return false;
    }

    /**
     * Whether the client can answer {@code request} on this call (it declared the capability). Tools that can do
     * with less use it to ask only what the client supports; asking for more fails the call.
     */
    default boolean canRequest(InputRequest request) {
        return false;
    }

    /** Tells Berth that the content of resource {@code uri} changed, so that clients subscribed to it hear of it. */
    default void resourceUpdated(String uri) {
    }
}
