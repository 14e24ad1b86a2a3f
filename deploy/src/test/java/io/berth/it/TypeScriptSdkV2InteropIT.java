package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official TypeScript MCP SDK v2 ({@code @modelcontextprotocol/client} 2.4.0, from npm) talks 2026-07-28 to Berth,
 * pinned and negotiated ({@code 'auto'} probes {@code server/discover}): tools listed and called, an elicitation
 * answered through MRTR. Each run's outcome is printed into the build log.
 */
class TypeScriptSdkV2InteropIT {

    private static String url;

    @BeforeAll
    static void fixtureTenant() {
        url = BerthNodes.nodeA().resolve("/t/" + McpTenants.fixture() + "/mcp").toString();
    }

    @Test
    void pinnedTo20260728() throws Exception {
        JsonObject seen = run("pin");
        assertStateless(seen);
        assertFalse(methodsOnWire(seen).contains("initialize"), "a pinned client never initializes: " + seen);
    }

    @Test
    void autoNegotiatesTheStatelessEra() throws Exception {
        JsonObject seen = run("auto");
        assertStateless(seen);
        List<String> methods = methodsOnWire(seen);
        assertEquals("server/discover", methods.get(0), "'auto' probes first: " + methods);
        assertFalse(methods.contains("initialize"), "and needs no fallback to initialize: " + methods);
    }

    private static JsonObject run(String mode) throws Exception {
        JsonObject seen = NodeScript.run("ts-sdk-v2-client.mjs", url, mode);
        System.out.println("[TypeScript SDK v2 2.4.0, mode " + mode + ", " + BerthNodes.database() + "] era "
                + seen.get("era") + ", version " + seen.get("protocolVersion") + ", " + seen.getJsonArray("tools").size()
                + " tools, greet " + seen.get("greet") + ", elicitation " + seen.getJsonObject("elicitation")
                .get("result") + ", slow_compute " + seen.getJsonObject("slowCompute").get("result") + ", tasks "
                + seen.get("tasks") + ", " + seen.getJsonArray("wire").size() + " HTTP exchanges");
        return seen;
    }

    private static void assertStateless(JsonObject seen) {
        assertEquals("modern", seen.getString("era"), seen.toString());
        assertEquals("2026-07-28", seen.getString("protocolVersion"), seen.toString());
        assertEquals("berth", seen.getJsonObject("server").getString("name"), "serverInfo from server/discover");
        assertTrue(seen.getJsonArray("tools").toString().contains("\"greet\""), seen.toString());
        assertEquals("Hello, Berth!", seen.getString("greet"));
        assertTrue(seen.getString("echo").contains("from the TypeScript SDK v2"), seen.toString());

        JsonObject elicitation = seen.getJsonObject("elicitation");
        assertEquals(1, elicitation.getJsonArray("asked").size(), "the handler was asked once: " + elicitation);
        assertEquals("Hello, Alice!", elicitation.getString("result"), elicitation.toString());
        assertFalse(elicitation.getBoolean("isError"));

        JsonObject slow = seen.getJsonObject("slowCompute");
        assertTrue(slow.getString("result").contains("completed"), "no tasks extension, no task: " + slow);

        JsonObject unknown = seen.getJsonObject("unknownTool");
        assertTrue(unknown.getBoolean("rejected"), "an unknown tool is a protocol error for the SDK: " + unknown);
        assertEquals(-32602, unknown.getInt("code"), unknown.toString());

        for (JsonValue exchange : seen.getJsonArray("wire")) {
            JsonObject e = exchange.asJsonObject();
            assertEquals(JsonValue.NULL, e.get("sessionId"), "no session in 2026-07-28: " + e);
            if (!"no_such_tool".equals(e.getString("mcpName", null))) {
                assertTrue(e.getInt("status") < 300, "every other exchange succeeded: " + e);
            }
        }
    }

    private static List<String> methodsOnWire(JsonObject seen) {
        return seen.getJsonArray("wire").stream()
                .map(e -> e.asJsonObject().get("method"))
                .map(m -> m instanceof JsonString s ? s.getString() : String.valueOf(m))
                .toList();
    }
}
