package io.berth.core.plugin.worker;

/**
 * A worker could not be started: the sandbox is missing or refused (the tier fails closed, it never runs plugin code
 * unconfined by accident), the JVM did not come up in time, or its plugins did not load. The message says which.
 */
public final class WorkerStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WorkerStartException(String message) {
        super(message);
    }

    public WorkerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
