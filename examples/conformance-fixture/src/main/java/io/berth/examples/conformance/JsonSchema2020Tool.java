package io.berth.examples.conformance;

import io.berth.sdk.Tool;
import io.berth.sdk.ToolResult;

import java.util.Map;

import static io.berth.examples.conformance.Json.object;

/**
 * {@code json_schema_2020_12_tool} (scenario {@code json-schema-2020-12}, SEP-1613): its input schema uses
 * {@code $schema}, {@code $defs}, {@code $ref} and {@code additionalProperties}, which the suite expects back unchanged
 * in {@code tools/list}. The keys are in the order the fixture document shows them.
 */
final class JsonSchema2020Tool {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private JsonSchema2020Tool() {
    }

    static Tool tool() {
        return Tool.builder("json_schema_2020_12_tool")
                .description("Tool with JSON Schema 2020-12 features")
                .inputSchema(inputSchema())
                .handler((call, context) ->
                        ToolResult.text("JSON Schema 2020-12 tool called with arguments " + call.arguments().keySet()))
                .build();
    }

    static Map<String, Object> inputSchema() {
        Map<String, Object> string = object("type", "string");
        Map<String, Object> address = object(
                "type", "object",
                "properties", object("street", string, "city", string));
        return object(
                "$schema", DIALECT,
                "type", "object",
                "$defs", object("address", address),
                "properties", object("name", string, "address", object("$ref", "#/$defs/address")),
                "additionalProperties", false);
    }
}
