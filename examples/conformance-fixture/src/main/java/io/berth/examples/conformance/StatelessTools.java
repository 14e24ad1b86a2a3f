package io.berth.examples.conformance;

import io.berth.sdk.InputResponses;
import io.berth.sdk.LogLevel;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolResult;

import java.util.List;
import java.util.Map;

import static io.berth.examples.conformance.NoArgumentTools.tool;

/**
 * The diagnostic tools of scenario {@code server-stateless} ({@code stateless.ts}, SEP-2575). Each probes something
 * Berth must do on 2026-07-28; the tools themselves only do the ordinary thing:
 * <ul>
 * <li>{@code test_missing_capability} needs sampling (key {@code sample}); the suite calls it declaring no capability
 * and expects Berth's -32021 with {@code requiredCapabilities: {sampling: {}}}, HTTP 400;</li>
 * <li>{@code test_streaming_elicitation} asks for the user's name ({@code user_name}); the suite reads the response
 * stream and expects no JSON-RPC request on it, the question travelling as an {@code input_required} result;</li>
 * <li>{@code test_logging_tool} sends one {@code info} log message; the suite calls it without
 * {@code io.modelcontextprotocol/logLevel} and expects Berth to drop the message. It answers at once: the suite reads
 * its stream for half a second only.</li>
 * </ul>
 */
final class StatelessTools {

    static final String SAMPLE = "sample";
    static final String LOG_MESSAGE = "test_logging_tool ran";
    static final String LOGGED = "Logging tool executed";

    private StatelessTools() {
    }

    static List<Tool> tools() {
        return List.of(
                tool("test_missing_capability",
                        "Needs sampling: asks the client's model for a short text", StatelessTools::sample),
                tool("test_streaming_elicitation",
                        "Asks for the user's name; the question must come back as a result, not a request on the stream",
                        InputRequiredTools::greet),
                tool("test_logging_tool",
                        "Sends one info log message, which reaches only callers that set a log level",
                        StatelessTools::log));
    }

    private static ToolResult sample(ToolContext context) throws ToolException {
        InputResponses answers = context.requestInput(
                Map.of(SAMPLE, InputRequests.sample("Reply with any short text.", 50)));
        return ToolResult.text(SamplingTool.RESPONSE_PREFIX + InputRequests.sampledText(answers, SAMPLE));
    }

    private static ToolResult log(ToolContext context) {
        context.log(LogLevel.INFO, null, LOG_MESSAGE);
        return ToolResult.text(LOGGED);
    }
}
