package io.berth.examples.conformance;

import io.berth.sdk.Tool;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolResult;

/**
 * {@code test_tool_with_progress} (scenario {@code tools-call-with-progress}): reports 0, 50 and 100 of 100 with a
 * pause between the reports, so that a client sees them arrive while the call is still running. Berth drops the reports
 * when the caller sent no progress token.
 */
final class ProgressTool {

    static final String DONE = "Tool with progress executed successfully";
    static final double TOTAL = 100;
    private static final double[] STEPS = {0, 50, 100};
    private static final long PAUSE_MILLIS = 50;

    private ProgressTool() {
    }

    static Tool tool() {
        return Tool.builder("test_tool_with_progress")
                .description("Tests tool that reports progress notifications")
                .handler((call, context) -> run(context))
                .build();
    }

    private static ToolResult run(ToolContext context) throws InterruptedException {
        for (int i = 0; i < STEPS.length; i++) {
            if (i > 0) {
                Thread.sleep(PAUSE_MILLIS);
            }
            if (context.cancelled()) {
                return ToolResult.error("Cancelled");
            }
            context.progress(STEPS[i], TOTAL, "Completed step " + (int) STEPS[i] + " of " + (int) TOTAL);
        }
        return ToolResult.text(DONE);
    }
}
