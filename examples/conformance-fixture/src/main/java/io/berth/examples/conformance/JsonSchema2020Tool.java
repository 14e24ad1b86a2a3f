package io.berth.examples.conformance;

import io.berth.sdk.Tool;
import io.berth.sdk.ToolResult;

import java.util.List;
import java.util.Map;

import static io.berth.examples.conformance.Json.object;

/**
 * {@code json_schema_2020_12_tool} (scenario {@code json-schema-2020-12}, SEP-1613 and SEP-2106): its input schema
 * uses {@code $schema}, {@code $defs} with an {@code $anchor}, {@code $ref}, the composition keywords
 * {@code allOf}/{@code anyOf}, the conditional keywords {@code if}/{@code then}/{@code else} and
 * {@code additionalProperties}, which the suite expects back unchanged in {@code tools/list} (on 2026-07-28 a stripped
 * SEP-2106 keyword is a failure). Keys and values are those of the suite's {@code JSON_SCHEMA_2020_12_FIXTURE}, in its
 * order; the 0.1.16 suite checks only a subset of them.
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
                "$anchor", "addressDef",
                "type", "object",
                "properties", object("street", string, "city", string));
        return object(
                "$schema", DIALECT,
                "type", "object",
                "$defs", object("address", address),
                "properties", object(
                        "name", string,
                        "address", object("$ref", "#/$defs/address"),
                        "contactMethod", object("type", "string", "enum", List.of("phone", "email")),
                        "phone", string,
                        "email", string),
                "allOf", List.of(object("anyOf", List.of(required("phone"), required("email")))),
                "if", object(
                        "properties", object("contactMethod", object("const", "phone")),
                        "required", List.of("contactMethod")),
                "then", required("phone"),
                "else", required("email"),
                "additionalProperties", false);
    }

    private static Map<String, Object> required(String property) {
        return object("required", List.of(property));
    }
}
