package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.berth.sdk.Tool;
import io.berth.sdk.ToolResult;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSchema2020ToolTest {

    private final Tool tool = Fixture.tool("json_schema_2020_12_tool");

    @Test
    void declaresTheFixtureSchemaExactly() {
        Map<String, Object> string = Map.of("type", "string");
        Map<String, Object> expected = Map.of(
                "$schema", "https://json-schema.org/draft/2020-12/schema",
                "type", "object",
                "$defs", Map.of("address", Map.of(
                        "type", "object",
                        "properties", Map.of("street", string, "city", string))),
                "properties", Map.of("name", string, "address", Map.of("$ref", "#/$defs/address")),
                "additionalProperties", false);
        assertEquals(expected, tool.inputSchema());
        assertEquals("Tool with JSON Schema 2020-12 features", tool.description());
    }

    @Test
    void additionalPropertiesIsTheBooleanFalse() {
        assertSame(Boolean.FALSE, tool.inputSchema().get("additionalProperties"));
    }

    @Test
    void keepsTheKeysInTheDocumentsOrder() {
        assertEquals(List.of("$schema", "type", "$defs", "properties", "additionalProperties"),
                List.copyOf(tool.inputSchema().keySet()));
    }

    @Test
    void acceptsACall() throws Exception {
        ToolResult result = Fixture.call("json_schema_2020_12_tool",
                Map.of("name", "Ada", "address", Map.of("city", "London")), new Fixture.RecordingContext());
        assertFalse(result.isError());
        assertEquals(1, result.content().size());
    }
}
