package io.berth.core.plugin.worker;

import io.berth.sdk.ToolContext;

import java.time.Duration;

/**
 * What a call into a worker may use: the host's context for the call's {@code context/*} requests (null when the call
 * has none, as for declarations and completions), the bridge that serves them, and a deadline of its own (null: the
 * call runs until its thread is interrupted, which is how {@code PluginCalls} times calls out).
 */
record CallScope(ToolContext context, ContextBridge bridge, Duration limit) {
}
