package io.berth.sdk;

/**
 * Whether a tool may run as a task: the client gets a task handle at once and polls for the result, instead of
 * holding a request open. Long-running tools should say {@link #OPTIONAL}; Berth then runs them as tasks for clients
 * that support tasks, and as ordinary calls for the rest.
 */
public enum TaskSupport {
    /** Always an ordinary call (the default). */
    FORBIDDEN,
    /** A task when the client supports tasks, an ordinary call otherwise. */
    OPTIONAL,
    /** Only as a task; clients without task support get an error naming the missing capability. */
    REQUIRED
}
