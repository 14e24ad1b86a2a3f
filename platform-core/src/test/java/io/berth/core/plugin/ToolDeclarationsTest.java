package io.berth.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.berth.sdk.Tool;
import io.berth.sdk.ToolResult;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ToolDeclarationsTest {

    private static Tool tool(Map<String, Object> properties) {
        return Tool.builder("t").description("d")
                .inputSchema(Map.of("type", "object", "properties", properties))
                .handler((call, context) -> ToolResult.text("ok")).build();
    }

    @Test
    void headerParametersOnPrimitivePropertiesAreFine() {
        assertEquals(List.of(), ToolDeclarations.problems(tool(Map.of(
                "region", Map.of("type", "string", "x-mcp-header", "Region"),
                "priority", Map.of("type", "integer", "x-mcp-header", "Priority"),
                "verbose", Map.of("type", "boolean", "x-mcp-header", "Verbose"),
                "query", Map.of("type", "string")))));
    }

    @Test
    void headerParametersOnOtherTypesAreRefused() {
        assertEquals(List.of("x-mcp-header is allowed only on string, integer or boolean properties, not on 'tags'"),
                ToolDeclarations.problems(tool(Map.of("tags", Map.of("type", "array", "x-mcp-header", "Tags")))));
    }

    @Test
    void headerNamesMustBeTokens() {
        assertEquals(List.of("x-mcp-header of 'region' must be a header name token"),
                ToolDeclarations.problems(tool(Map.of("region", Map.of("type", "string", "x-mcp-header", "Re gion")))));
        assertEquals(List.of("x-mcp-header of 'region' must be a header name token"),
                ToolDeclarations.problems(tool(Map.of("region", Map.of("type", "string", "x-mcp-header", 7)))));
    }

    @Test
    void aHeaderNameIsUsedOnceIgnoringCase() {
        List<String> problems = ToolDeclarations.problems(tool(new java.util.LinkedHashMap<>(Map.of(
                "a", Map.of("type", "string", "x-mcp-header", "Region"),
                "b", Map.of("type", "string", "x-mcp-header", "region")))));
        assertEquals(1, problems.size(), problems.toString());
    }
}
