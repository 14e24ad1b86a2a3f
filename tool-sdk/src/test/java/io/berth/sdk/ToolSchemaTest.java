package io.berth.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolSchemaTest {

    private static Tool.Builder tool() {
        return Tool.builder("t").description("d").handler((call, context) -> ToolResult.text("ok"));
    }

    private static Map<String, Object> objectSchema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", Map.of("message", Map.of("type", "string")));
        return schema;
    }

    @Test
    void nullInputSchemaMeansNoArguments() {
        Map<String, Object> schema = tool().build().inputSchema();
        assertSame(Tool.NO_ARGUMENTS, schema);
        assertEquals("object", schema.get("type"));
        assertEquals(false, schema.get("additionalProperties"));
    }

    @Test
    void rejectsSchemaNotOfTypeObject() {
        assertThrows(IllegalArgumentException.class,
                () -> tool().inputSchema(Map.of("type", "string")).build());
        assertThrows(IllegalArgumentException.class,
                () -> tool().inputSchema(Map.of("properties", Map.of())).build());
        assertThrows(IllegalArgumentException.class,
                () -> tool().outputSchema(Map.of("type", "array")).build());
    }

    @Test
    void copiesTheCallersSchema() {
        Map<String, Object> input = objectSchema();
        Map<String, Object> output = objectSchema();
        Tool tool = tool().inputSchema(input).outputSchema(output).build();

        input.put("required", List.of("message"));
        input.put("type", "string");
        output.remove("properties");

        assertEquals(objectSchema(), tool.inputSchema());
        assertEquals(objectSchema(), tool.outputSchema());
        assertFalse(tool.inputSchema().containsKey("required"));
    }

    @Test
    void keepsKeysInTheCallersOrder() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        input.put("type", "object");
        input.put("$defs", Map.of());
        input.put("additionalProperties", false);
        assertEquals(List.of("$schema", "type", "$defs", "additionalProperties"),
                List.copyOf(tool().inputSchema(input).build().inputSchema().keySet()));
    }

    @Test
    void theToolsSchemaIsUnmodifiable() {
        Tool tool = tool().inputSchema(objectSchema()).outputSchema(objectSchema()).build();
        assertThrows(UnsupportedOperationException.class, () -> tool.inputSchema().put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> tool.inputSchema().remove("type"));
        assertThrows(UnsupportedOperationException.class, () -> tool.outputSchema().clear());
    }

    @Test
    void nestedSchemaPartsAreCopiedAndUnmodifiableToo() {
        Map<String, Object> property = new java.util.HashMap<>(Map.of("type", "string"));
        Map<String, Object> properties = new java.util.HashMap<>(Map.of("name", property));
        Map<String, Object> schema = new java.util.HashMap<>(Map.of("type", "object", "properties", properties,
                "required", new java.util.ArrayList<>(java.util.List.of("name"))));
        Tool tool = Tool.builder("t").description("d").inputSchema(schema).handler((c, x) -> null).build();
        property.put("type", "number");
        properties.put("other", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> copied = (Map<String, Object>) tool.inputSchema().get("properties");
        assertEquals(Map.of("name", Map.of("type", "string")), copied);
        assertThrows(UnsupportedOperationException.class, () -> copied.put("x", 1));
        assertThrows(UnsupportedOperationException.class,
                () -> ((java.util.List<Object>) tool.inputSchema().get("required")).add("x"));
    }
}
