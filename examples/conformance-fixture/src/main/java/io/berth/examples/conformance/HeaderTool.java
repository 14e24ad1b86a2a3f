package io.berth.examples.conformance;

import io.berth.sdk.Tool;
import io.berth.sdk.ToolCall;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolResult;

import java.util.List;
import java.util.Map;

import static io.berth.examples.conformance.Json.object;

/**
 * {@code test_custom_headers} (scenario {@code http-custom-header-server-validation}, SEP-2243): the plugin's only
 * tool whose input schema marks properties with {@code x-mcp-header}, so a 2026-07-28 client mirrors them into
 * {@code Mcp-Param-Region}, {@code Mcp-Param-Priority} and {@code Mcp-Param-Verbose} headers (one of each type a
 * header may carry; {@code query} is not mirrored). The suite calls it with the first string-typed one,
 * {@code region}, and checks that Berth decodes and compares the header with the body and rejects mismatches with
 * -32020; the tool just echoes what it got: {@code region=<region>[, priority=…][, verbose=…][, query=…]}. Names and
 * header names are those of the suite's own {@code test_custom_headers} (its client scenario).
 */
final class HeaderTool {

    private HeaderTool() {
    }

    static Tool tool() {
        return Tool.builder("test_custom_headers")
                .description("Echoes its arguments; region, priority and verbose travel in Mcp-Param headers too")
                .inputSchema(object(
                        "type", "object",
                        "properties", object(
                                "region", object("type", "string", "description", "A region, e.g. us-west1",
                                        "x-mcp-header", "Region"),
                                "priority", object("type", "integer", "description", "A priority",
                                        "x-mcp-header", "Priority"),
                                "verbose", object("type", "boolean", "description", "Whether to say more",
                                        "x-mcp-header", "Verbose"),
                                "query", object("type", "string", "description", "A query (not mirrored)")),
                        "required", List.of("region")))
                .handler((call, context) -> ToolResult.text(echo(call)))
                .build();
    }

    private static String echo(ToolCall call) throws ToolException {
        StringBuilder text = new StringBuilder("region=").append(call.requireString("region"));
        Map<String, Object> arguments = call.arguments();
        for (String optional : List.of("priority", "verbose", "query")) {
            if (arguments.get(optional) != null) {
                Object value = arguments.get(optional);
                text.append(", ").append(optional).append('=')
                        .append(value instanceof Number n ? JsonText.number(n) : String.valueOf(value));
            }
        }
        return text.toString();
    }
}
