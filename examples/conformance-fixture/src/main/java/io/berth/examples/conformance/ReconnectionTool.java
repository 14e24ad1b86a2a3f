package io.berth.examples.conformance;

import io.berth.sdk.Tool;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolResult;

/**
 * {@code test_reconnection} (scenario {@code server-sse-polling}, SEP-1699): a call that takes a few seconds and says
 * nothing on the way. Closing its response stream mid-call is the transport's part, not the tool's: Berth does it for
 * any call still running after {@code berth.mcp.sse-poll-after-ms} (set below {@link #DURATION_MILLIS} on the test
 * servers), and the client gets the result after reconnecting with {@code Last-Event-ID}.
 */
final class ReconnectionTool {

    static final long DURATION_MILLIS = 4_000;
    static final String DONE = "Reconnection test completed";

    private ReconnectionTool() {
    }

    static Tool tool() {
        return Tool.builder("test_reconnection")
                .description("Takes a few seconds, so that the server closes its stream and the client reconnects")
                .handler((call, context) -> run(context))
                .build();
    }

    private static ToolResult run(ToolContext context) {
        return SlowCompute.pause(context, DURATION_MILLIS) ? ToolResult.text(DONE) : ToolResult.error("Cancelled");
    }
}
