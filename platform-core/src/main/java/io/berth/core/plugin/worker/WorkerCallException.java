package io.berth.core.plugin.worker;

import io.berth.core.plugin.PluginCallException;
import io.berth.sdk.ToolException;

/**
 * A call into a worker that ended without a value for a reason of the worker tier: the worker died or was killed, it
 * could not be started, it was busy, or the call ran past its deadline. It is a {@link ToolException}, so today's
 * {@code PluginCalls} hands its message (safe to show: it names no internals) to the caller; {@link #toPluginCallException()}
 * gives the matching {@link PluginCallException} for callers that tell the kinds apart.
 */
public final class WorkerCallException extends ToolException {
    private static final long serialVersionUID = 1L;

    /** Why the call has no value. */
    public enum Reason {
        /** The plugin code failed unexpectedly inside the worker (details are in the worker's diagnostics). */
        FAILED(PluginCallException.Kind.FAILED),
        /** The worker already runs as many calls as it may. */
        BUSY(PluginCallException.Kind.BUSY),
        /** The call's own deadline passed; the work was cancelled, and the worker killed if it did not stop. */
        TIMEOUT(PluginCallException.Kind.TIMEOUT),
        /** The worker died (crash, exit, kill, limit) while the call ran; the next call gets a new worker. */
        CRASHED(PluginCallException.Kind.FAILED),
        /** No worker could be started for the tenant (sandbox missing, start failures in a row). */
        UNAVAILABLE(PluginCallException.Kind.FAILED),
        /** The worker broke the protocol or sent a malformed answer. */
        PROTOCOL(PluginCallException.Kind.FAILED);

        private final PluginCallException.Kind kind;

        Reason(PluginCallException.Kind kind) {
            this.kind = kind;
        }

        public PluginCallException.Kind kind() {
            return kind;
        }
    }

    private final Reason reason;

    public WorkerCallException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public PluginCallException toPluginCallException() {
        return new PluginCallException(reason.kind(), getMessage());
    }
}
