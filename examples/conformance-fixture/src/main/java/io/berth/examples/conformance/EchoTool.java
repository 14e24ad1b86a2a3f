package io.berth.examples.conformance;

import io.berth.sdk.Tool;
import io.berth.sdk.ToolHints;
import io.berth.sdk.ToolResult;

import java.util.List;

import static io.berth.examples.conformance.Json.object;

/**
 * {@code echo}: returns its {@code message} argument. A missing or non-string message is the model's mistake, so it
 * becomes a {@link io.berth.sdk.ToolException} the model can read, not a protocol error.
 */
final class EchoTool {

    private EchoTool() {
    }

    static Tool tool() {
        return Tool.builder("echo")
                .title("Echo")
                .description("Echoes back the message it is given")
                .inputSchema(object(
                        "type", "object",
                        "properties", object("message", object("type", "string", "description", "Message to echo")),
                        "required", List.of("message")))
                .hints(new ToolHints(true, false, true, false))
                .handler((call, context) -> ToolResult.text("Echo: " + call.requireString("message")))
                .build();
    }
}
