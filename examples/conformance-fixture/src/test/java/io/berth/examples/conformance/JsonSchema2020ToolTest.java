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

    /**
     * JSON.stringify of the suite's JSON_SCHEMA_2020_12_FIXTURE (0.2.0-alpha.12, dist/index.js), so comparing the text
     * checks values, types and key order at once.
     */
    private static final String FIXTURE_JSON = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
            + "\"type\":\"object\",\"$defs\":{\"address\":{\"$anchor\":\"addressDef\",\"type\":\"object\",\"properties\":"
            + "{\"street\":{\"type\":\"string\"},\"city\":{\"type\":\"string\"}}}},\"properties\":{\"name\":{\"type\":"
            + "\"string\"},\"address\":{\"$ref\":\"#/$defs/address\"},\"contactMethod\":{\"type\":\"string\",\"enum\":"
            + "[\"phone\",\"email\"]},\"phone\":{\"type\":\"string\"},\"email\":{\"type\":\"string\"}},\"allOf\":[{\"anyOf\":"
            + "[{\"required\":[\"phone\"]},{\"required\":[\"email\"]}]}],\"if\":{\"properties\":{\"contactMethod\":"
            + "{\"const\":\"phone\"}},\"required\":[\"contactMethod\"]},\"then\":{\"required\":[\"phone\"]},\"else\":"
            + "{\"required\":[\"email\"]},\"additionalProperties\":false}";

    private final Tool tool = Fixture.tool("json_schema_2020_12_tool");

    @Test
    void declaresTheSuitesFixtureSchemaExactly() {
        assertEquals(FIXTURE_JSON, JsonText.stringify(tool.inputSchema()));
        assertEquals("Tool with JSON Schema 2020-12 features", tool.description());
    }

    @Test
    void keepsTheSep2106KeywordsTheSuiteLooksFor() {
        Map<String, Object> schema = tool.inputSchema();
        Map<?, ?> address = (Map<?, ?>) ((Map<?, ?>) schema.get("$defs")).get("address");
        assertEquals("addressDef", address.get("$anchor"));
        List<?> allOf = (List<?>) schema.get("allOf");
        assertEquals(2, ((List<?>) ((Map<?, ?>) allOf.get(0)).get("anyOf")).size());
        assertEquals(Map.of("required", List.of("phone")), schema.get("then"));
        assertEquals(Map.of("required", List.of("email")), schema.get("else"));
    }

    @Test
    void additionalPropertiesIsTheBooleanFalse() {
        assertSame(Boolean.FALSE, tool.inputSchema().get("additionalProperties"));
    }

    @Test
    void keepsTheKeysInTheFixturesOrder() {
        assertEquals(List.of("$schema", "type", "$defs", "properties", "allOf", "if", "then", "else",
                "additionalProperties"), List.copyOf(tool.inputSchema().keySet()));
    }

    @Test
    void acceptsACall() throws Exception {
        ToolResult result = Fixture.call("json_schema_2020_12_tool",
                Map.of("name", "Ada", "address", Map.of("city", "London")), new Fixture.RecordingContext());
        assertFalse(result.isError());
        assertEquals(1, result.content().size());
    }
}
