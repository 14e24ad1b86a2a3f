package io.berth.sdk;

/**
 * What a running tool may use, and its only way out of the sandbox: everything is scoped to the calling tenant (and
 * the data store and secrets to the plugin as well). New capabilities arrive as default methods, so a plugin built
 * against an older SDK keeps working; on a host (or in a test) that lacks one, its default throws
 * {@link ToolException}.
 */
public interface ToolContext {

    /** The tenant on whose behalf the tool runs. */
    String tenantId();

    /**
     * Who made this call, and with which scopes, as Berth authenticated the request; {@link Caller#anonymous()}
     * (subject {@code "anonymous"}, no scopes) for an agent without a token at a tenant that allows those.
     *
     * @throws ToolException on a host that does not offer it
     */
    default Caller caller() throws ToolException {
        throw new ToolException("Caller identity is not available here");
    }

    /**
     * This plugin's data store for this tenant: survives restarts, is shared by all Berth nodes, and is invisible to
     * other tenants and other plugins. See {@link DataStore} for keys, values and the quota.
     *
     * @throws ToolException on a host that does not offer it
     */
    default DataStore data() throws ToolException {
        throw new ToolException("The data store is not available here");
    }

    /**
     * Outbound HTTP, limited to the hosts the tenant allows. See {@link HttpEgress} for the rules.
     *
     * @throws ToolException on a host that does not offer it
     */
    default HttpEgress http() throws ToolException {
        throw new ToolException("Outbound HTTP is not available here");
    }

    /**
     * The secret the tenant's operator stored under {@code name} for this plugin (or for all of the tenant's
     * plugins), or empty if there is none. Names are 1 to 64 letters, digits, {@code .}, {@code _} and {@code -},
     * starting with a letter.
     *
     * @throws ToolException for an invalid name, or on a host that does not offer secrets
     */
    default java.util.Optional<Secret> secret(String name) throws ToolException {
        throw new ToolException("Secrets are not available here");
    }

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
