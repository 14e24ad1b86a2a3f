package io.berth.examples.conformance;

import io.berth.sdk.TaskSupport;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolCall;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolResult;

import java.util.List;

import static io.berth.examples.conformance.Json.object;

/**
 * {@code slow_compute {seconds, label}} (tasks scenarios lifecycle, capability negotiation, dispatch, headers,
 * wire fields, request-state removal): waits {@code seconds} (0 to 300, fractions allowed) and returns
 * {@code Computation "<label>" completed after <seconds> s. Result: 42.} It may run as a task
 * ({@link TaskSupport#OPTIONAL}): a client with the tasks extension gets a task handle, any other an ordinary call.
 *
 * <p>It reports its status and progress every second, and checks for cancellation every tenth of a second: once
 * cancelled ({@code tasks/cancel}) it stops and returns {@code Computation "<label>" cancelled after …} as an error
 * result, since it has no answer. The suite expects such a task to end {@code cancelled}; that status is Berth's to
 * set.
 */
final class SlowCompute {

    static final long MAX_SECONDS = 300;
    static final long TICK_MILLIS = 100;
    static final String DEFAULT_LABEL = "computation";

    private SlowCompute() {
    }

    static Tool tool() {
        return Tool.builder("slow_compute")
                .description("Waits the given number of seconds, then answers 42; runs as a task for clients that can")
                .inputSchema(object(
                        "type", "object",
                        "properties", object(
                                "seconds", object("type", "number", "minimum", 0L, "maximum", MAX_SECONDS,
                                        "description", "How long to compute, in seconds"),
                                "label", object("type", "string", "description", "A label for the computation")),
                        "required", List.of("seconds")))
                .taskSupport(TaskSupport.OPTIONAL)
                .handler(SlowCompute::call)
                .build();
    }

    private static ToolResult call(ToolCall call, ToolContext context) throws ToolException {
        double seconds = call.number("seconds").map(Number::doubleValue)
                .orElseThrow(() -> new ToolException("Argument 'seconds' must be a number"));
        if (!(seconds >= 0 && seconds <= MAX_SECONDS)) {
            throw new ToolException("Argument 'seconds' must be between 0 and " + MAX_SECONDS);
        }
        String label = call.arguments().containsKey("label") ? call.requireString("label") : DEFAULT_LABEL;
        String name = "Computation \"" + label + "\"";
        long total = Math.round(seconds * 1000);
        context.runAsTask();
        for (long done = 0; done < total; done += TICK_MILLIS) {
            if (done % 1000 == 0) {
                String status = name + ": " + done / 1000 + " of " + JsonText.number(seconds) + " s";
                context.status(status);
                context.progress(done / 1000.0, seconds, status);
            }
            if (!pause(context, Math.min(TICK_MILLIS, total - done))) {
                return ToolResult.error(name + " cancelled after " + JsonText.number(done / 1000.0) + " of "
                        + JsonText.number(seconds) + " s");
            }
        }
        return ToolResult.text(name + " completed after " + JsonText.number(seconds) + " s. Result: 42.");
    }

    /**
     * Waits {@code millis} unless the call is cancelled, in steps of at most {@link #TICK_MILLIS}; false once
     * cancelled. An interrupt counts as a cancellation (the flag is kept), so the tool ends with its own result rather
     * than a failure.
     */
    static boolean pause(ToolContext context, long millis) {
        for (long waited = 0; waited < millis; waited += TICK_MILLIS) {
            if (context.cancelled()) {
                return false;
            }
            try {
                Thread.sleep(Math.min(TICK_MILLIS, millis - waited));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !context.cancelled();
    }
}
