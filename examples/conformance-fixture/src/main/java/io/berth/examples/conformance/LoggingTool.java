package io.berth.examples.conformance;

import io.berth.sdk.LogLevel;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolResult;

import java.util.List;

/**
 * {@code test_tool_with_logging} (scenario {@code tools-call-with-logging}): sends three {@code info} log messages with
 * a pause between them, so that a client sees them arrive while the call is still running. Like the reference server it
 * names no logger. Berth drops the messages the caller's log level does not let through.
 */
final class LoggingTool {

    static final String DONE = "Tool with logging executed successfully";
    static final List<String> MESSAGES = List.of("Tool execution started", "Tool processing data", "Tool execution completed");
    private static final long PAUSE_MILLIS = 50;

    private LoggingTool() {
    }

    static Tool tool() {
        return Tool.builder("test_tool_with_logging")
                .description("Tests tool that emits log messages during execution")
                .handler((call, context) -> run(context))
                .build();
    }

    private static ToolResult run(ToolContext context) throws InterruptedException {
        for (int i = 0; i < MESSAGES.size(); i++) {
            if (i > 0) {
                Thread.sleep(PAUSE_MILLIS);
            }
            if (context.cancelled()) {
                return ToolResult.error("Cancelled");
            }
            context.log(LogLevel.INFO, null, MESSAGES.get(i));
        }
        return ToolResult.text(DONE);
    }
}
