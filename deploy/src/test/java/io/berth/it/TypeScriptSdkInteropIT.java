package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official TypeScript MCP SDK (v1.32.2, from npm) talks to Berth: nobody on this team wrote that client. */
class TypeScriptSdkInteropIT {

    private static String tenant;

    @BeforeAll
    static void fixtureTenant() {
        tenant = McpTenants.fixture();
    }

    @Test
    void streamableHttpClientListsAndCallsTools() throws Exception {
        String url = BerthNodes.nodeA().resolve("/t/" + tenant + "/mcp").toString();
        JsonObject seen = NodeScript.run("ts-sdk-v1-client.mjs", url, "streamable");

        assertEquals("2025-11-25", seen.getString("protocolVersion"));
        assertFalse(seen.isNull("sessionId"), "the client kept Berth's session id");
        assertEquals("berth", seen.getJsonObject("server").getString("name"));
        assertTrue(seen.getJsonArray("tools").toString().contains("\"echo\""), seen.toString());
        assertTrue(seen.getString("echo").contains("from the TypeScript SDK"), seen.toString());
        assertFalse(seen.getBoolean("echoIsError"));
        JsonObject unknown = seen.getJsonObject("unknownTool");
        assertTrue(unknown.getBoolean("rejected"), "an unknown tool is a protocol error for the SDK");
        assertEquals(-32602, unknown.getInt("code"));
    }

    /**
     * The SDK as an agent with an API key: a token from Berth's token endpoint in {@code requestInit} headers, at a
     * tenant that serves no agent without one; the tool that needs {@code demo.write} is listed and callable, and
     * knows who called.
     */
    @Test
    void streamableHttpClientWithABerthToken() throws Exception {
        String secured = McpTenants.secured();
        Agents.ApiKey key = Agents.apiKey(secured, "demo.write");
        String url = BerthNodes.nodeA().resolve("/t/" + secured + "/mcp").toString();
        try {
            JsonObject seen = NodeScript.run(Map.of("BERTH_ACCESS_TOKEN", Agents.token(key)), "ts-sdk-v1-client.mjs",
                    url, "streamable");
            assertEquals("2025-11-25", seen.getString("protocolVersion"));
            assertTrue(seen.getJsonArray("tools").toString().contains("\"scoped_echo\""), seen.toString());
            assertTrue(seen.getString("echo").contains("from the TypeScript SDK"), seen.toString());
            assertEquals("Echo: with a token (subject=" + key.id() + ", client=" + key.id() + ", scopes=demo.write)",
                    seen.getString("scopedEcho"));
        } finally {
            UsedCredentials.assertNoneLogged();
        }
        AssertionError refused = assertThrows(AssertionError.class,
                () -> NodeScript.run("ts-sdk-v1-client.mjs", url, "streamable"));
        assertTrue(refused.getMessage().contains("An access token is required"), "without the token, Berth's 401: "
                + refused.getMessage());
    }

    @Test
    void legacySseClientListsAndCallsTools() throws Exception {
        String url = BerthNodes.nodeA().resolve("/t/" + tenant + "/sse").toString();
        JsonObject seen = NodeScript.run("ts-sdk-v1-client.mjs", url, "sse");

        assertEquals("berth", seen.getJsonObject("server").getString("name"));
        assertTrue(seen.getJsonArray("tools").toString().contains("\"echo\""), seen.toString());
        assertTrue(seen.getString("echo").contains("from the TypeScript SDK"), seen.toString());
        assertEquals(-32602, seen.getJsonObject("unknownTool").getInt("code"));
    }
}
