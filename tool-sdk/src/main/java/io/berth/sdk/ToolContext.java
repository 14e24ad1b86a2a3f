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
}
