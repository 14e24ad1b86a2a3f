package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.examples.conformance.Fixture.RecordingContext;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderToolTest {

    @Test
    void isThePluginsOnlyToolWithXMcpHeaderProperties() {
        List<String> withHeaders = new ConformanceFixturePlugin().tools().stream()
                .filter(t -> ((Map<?, ?>) t.inputSchema().getOrDefault("properties", Map.of())).values().stream()
                        .anyMatch(p -> ((Map<?, ?>) p).containsKey("x-mcp-header")))
                .map(Tool::name)
                .toList();
        assertEquals(List.of("test_custom_headers"), withHeaders);
    }

    @Test
    void itsFirstHeaderPropertyIsTheRequiredStringRegion() {
        Map<String, Object> schema = Fixture.tool("test_custom_headers").inputSchema();
        Map<?, ?> properties = (Map<?, ?>) schema.get("properties");
        assertEquals(List.of("region", "priority", "verbose", "query"), List.copyOf(properties.keySet()));
        assertEquals(Map.of("type", "string", "description", "A region, e.g. us-west1", "x-mcp-header", "Region"),
                properties.get("region"));
        assertEquals("Priority", ((Map<?, ?>) properties.get("priority")).get("x-mcp-header"));
        assertEquals("integer", ((Map<?, ?>) properties.get("priority")).get("type"));
        assertEquals("Verbose", ((Map<?, ?>) properties.get("verbose")).get("x-mcp-header"));
        assertEquals("boolean", ((Map<?, ?>) properties.get("verbose")).get("type"));
        assertEquals(null, ((Map<?, ?>) properties.get("query")).get("x-mcp-header"));
        assertEquals(List.of("region"), schema.get("required"));
    }

    @Test
    void echoesWhatItGot() throws Exception {
        assertEquals("region=Hello", Fixture.textOf(
                Fixture.call("test_custom_headers", Map.of("region", "Hello"), new RecordingContext())));
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("query", "SELECT 1");
        all.put("verbose", null);
        all.put("priority", 1L);
        all.put("region", "us-east1");
        ToolResult result = Fixture.call("test_custom_headers", all, new RecordingContext());
        assertEquals("region=us-east1, priority=1, query=SELECT 1", Fixture.textOf(result));
    }

    @Test
    void aMissingRegionIsAToolFailure() {
        assertThrows(ToolException.class,
                () -> Fixture.call("test_custom_headers", Map.of(), new RecordingContext()));
    }
}
