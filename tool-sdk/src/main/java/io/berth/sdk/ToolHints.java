package io.berth.sdk;

/**
 * MCP tool annotations: hints to clients about a tool's behaviour (clients treat them as untrusted). {@code null}
 * means "not stated".
 */
public record ToolHints(Boolean readOnly, Boolean destructive, Boolean idempotent, Boolean openWorld) {

    public static final ToolHints NONE = new ToolHints(null, null, null, null);

    public boolean isEmpty() {
        return readOnly == null && destructive == null && idempotent == null && openWorld == null;
    }
}
