package io.berth.core.plugin;

/** Why a call into plugin code produced no value. The message is safe to show to the caller. */
public final class PluginCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The ways a plugin call can end without a value. */
    public enum Kind {
        /** The tenant's bulkhead is full. */
        BUSY,
        /** The time-out passed; the plugin thread was interrupted. */
        TIMEOUT,
        /** The plugin refused with a ToolException: its message is meant for the caller. */
        REFUSED,
        /** The plugin failed unexpectedly (details are in Berth's log only). */
        FAILED
    }

    private final Kind kind;

    public PluginCallException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
