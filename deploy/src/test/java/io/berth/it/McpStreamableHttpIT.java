package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.net.http.HttpRequest;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The session-era Streamable HTTP transport of a tenant's MCP endpoint, checked message by message. */
class McpStreamableHttpIT {

    private static String tenant;
    private final McpClient mcp = new McpClient(BerthNodes.nodeA(), tenant);

    @BeforeAll
    static void fixtureTenant() {
        tenant = McpTenants.fixture();
    }

    @Test
    void initializeNegotiatesAndOpensASession() {
        Http.Response r = mcp.initialize("2025-11-25");
        JsonObject result = McpClient.result(r);
        assertEquals("2025-11-25", result.getString("protocolVersion"));
        assertEquals("berth", result.getJsonObject("serverInfo").getString("name"));
        assertTrue(result.getJsonObject("capabilities").containsKey("tools"));
        String session = mcp.sessionId();
        assertNotNull(session, "Mcp-Session-Id header");
        assertTrue(session.matches("[\\x21-\\x7E]{32,}"), "visible ASCII, high entropy: " + session);
    }

    @Test
    void olderAndUnknownVersionsNegotiate() {
        assertEquals("2025-03-26", McpClient.result(new McpClient(BerthNodes.nodeA(), tenant)
                .initialize("2025-03-26")).getString("protocolVersion"));
        assertEquals("2025-11-25", McpClient.result(new McpClient(BerthNodes.nodeA(), tenant)
                .initialize("1999-01-01")).getString("protocolVersion"));
    }

    @Test
    void listsAndCallsThePluginsTools() {
        mcp.initialize("2025-11-25");
        List<JsonObject> tools = McpClient.result(mcp.request("tools/list", null)).getJsonArray("tools")
                .getValuesAs(JsonObject.class);
        List<String> names = tools.stream().map(t -> t.getString("name")).toList();
        assertTrue(names.contains("echo"), names.toString());
        assertEquals(names.stream().sorted().toList(), names, "deterministic name order");
        JsonObject echo = tools.stream().filter(t -> t.getString("name").equals("echo")).findFirst().orElseThrow();
        assertEquals("object", echo.getJsonObject("inputSchema").getString("type"));

        JsonObject result = McpClient.result(mcp.request("tools/call",
                "{\"name\":\"echo\",\"arguments\":{\"message\":\"hello berth\"}}"));
        assertFalse(result.getBoolean("isError"));
        JsonObject text = result.getJsonArray("content").getJsonObject(0);
        assertEquals("text", text.getString("type"));
        assertTrue(text.getString("text").contains("hello berth"), text.toString());
        assertEquals(200, mcp.request("ping", null).status());
        assertTrue(McpClient.result(mcp.request("ping", null)).isEmpty());
    }

    @Test
    void toolFailuresAreResultsAndProtocolFaultsAreErrors() {
        mcp.initialize("2025-11-25");
        JsonObject badArgs = McpClient.result(mcp.request("tools/call", "{\"name\":\"echo\",\"arguments\":{}}"));
        assertTrue(badArgs.getBoolean("isError"), "a missing argument is a tool error the model can read");

        Http.Response unknownTool = mcp.request("tools/call", "{\"name\":\"no_such_tool\",\"arguments\":{}}");
        assertEquals(200, unknownTool.status());
        assertEquals(-32602, McpClient.errorCode(unknownTool));
        assertTrue(unknownTool.json().getJsonObject("error").getString("message").contains("no_such_tool"));
        assertEquals(-32602, McpClient.errorCode(mcp.request("tools/call", "{\"name\":\"echo\",\"arguments\":[1]}")));
        assertEquals(-32602, McpClient.errorCode(mcp.request("tools/call", "{\"arguments\":{}}")));
        Http.Response unknownMethod = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":\"req-77\",\"method\":\"no/such\"}");
        assertEquals(-32601, McpClient.errorCode(unknownMethod));
        assertEquals("req-77", unknownMethod.json().getString("id"), "the error carries the request id");
    }

    @Test
    void sessionsAreRequiredAndEndWithDelete() {
        Http.Response noSession = mcp.request("tools/list", null);
        assertEquals(400, noSession.status());
        assertEquals(-32600, McpClient.errorCode(noSession));

        mcp.useSession("made-up-session-id");
        Http.Response unknown = mcp.request("tools/list", null);
        assertEquals(404, unknown.status());

        McpClient real = new McpClient(BerthNodes.nodeA(), tenant);
        real.initialize("2025-11-25");
        assertEquals(204, real.delete().status());
        assertEquals(404, real.request("tools/list", null).status(), "a deleted session is gone");
        assertEquals(404, real.delete().status());
    }

    @Test
    void aSessionIdIsWorthlessAtAnotherTenant() {
        McpClient owner = new McpClient(BerthNodes.nodeA(), tenant);
        owner.initialize("2025-11-25");
        String other = OperatorClient.uniqueTenantId("other");
        assertEquals(201, new OperatorClient(BerthNodes.nodeA()).create(other, "Other").status());
        McpTenants.allowAnonymousAgents(other); // the same principal at another tenant: only the tenant differs
        McpClient thief = new McpClient(BerthNodes.nodeA(), other);
        thief.useSession(owner.sessionId());
        assertEquals(404, thief.request("tools/list", null).status());
    }

    @Test
    void transportRulesAreEnforced() {
        mcp.initialize("2025-11-25");
        Http.Response batch = mcp.post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]");
        assertEquals(400, batch.status());
        assertEquals(-32600, McpClient.errorCode(batch));
        Http.Response parse = mcp.post("{\"jsonrpc\":");
        assertEquals(400, parse.status());
        assertEquals(-32700, McpClient.errorCode(parse));
        assertEquals(400, mcp.post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}",
                "MCP-Protocol-Version", "1999-01-01").status());
        assertEquals(200, mcp.post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}",
                "MCP-Protocol-Version", "2025-11-25").status());

        assertEquals(415, Http.send("POST", mcp.endpoint(), "text/plain", "{}", "Accept", McpClient.ACCEPT).status());
        assertEquals(406, Http.send("POST", mcp.endpoint(), "application/json", "{}", "Accept", "text/html").status());
        assertEquals(404, Http.get(mcp.endpoint(), "Accept", "text/event-stream", "Mcp-Session-Id", "nope").status());
        assertEquals(400, Http.get(mcp.endpoint(), "Accept", "text/event-stream").status());
        assertEquals(405, Http.send("PUT", mcp.endpoint(), "application/json", "{}").status());
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\""
                + "x".repeat(1_100_000) + "\"}}";
        assertEquals(413, mcp.post(big).status());
    }

    @Test
    void dnsRebindingIsRefused() {
        HttpRequest.Builder evilOrigin = HttpRequest.newBuilder(mcp.endpoint())
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                .header("Content-Type", "application/json").header("Accept", McpClient.ACCEPT)
                .header("Origin", "http://evil.example.com");
        assertEquals(403, Http.send(evilOrigin).status());
        HttpRequest.Builder localOrigin = HttpRequest.newBuilder(mcp.endpoint())
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"x\",\"version\":\"1\"}}}"))
                .header("Content-Type", "application/json").header("Accept", McpClient.ACCEPT)
                .header("Origin", "http://localhost:6274");
        assertEquals(200, Http.send(localOrigin).status());
    }

    @Test
    void aStatelessRequestIsServedOnTheSameEndpointWithoutASession() {
        Http.Response r = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\",\"params\":{\"_meta\":"
                + "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}", "MCP-Protocol-Version", "2026-07-28",
                "Mcp-Method", "server/discover");
        assertEquals(200, r.status(), r.body());
        JsonObject result = r.json().getJsonObject("result");
        assertEquals("complete", result.getString("resultType"));
        assertTrue(result.getJsonArray("supportedVersions").toString().contains("2025-11-25"));
        assertTrue(result.getJsonArray("supportedVersions").toString().contains("2026-07-28"));
        assertTrue(r.header("Mcp-Session-Id").isEmpty(), "2026-07-28 never mints a session");
        assertEquals(1, r.json().getInt("id"));
    }

    @Test
    void aStatelessRequestWithAnUnknownVersionLearnsTheSupportedVersions() {
        Http.Response r = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"server/discover\",\"params\":{\"_meta\":"
                + "{\"io.modelcontextprotocol/protocolVersion\":\"2099-01-01\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}", "MCP-Protocol-Version", "2099-01-01",
                "Mcp-Method", "server/discover");
        assertEquals(400, r.status());
        JsonObject error = r.json().getJsonObject("error");
        assertEquals(-32022, error.getInt("code"));
        assertTrue(error.getJsonObject("data").getJsonArray("supported").toString().contains("2025-11-25"));
        assertEquals("2099-01-01", error.getJsonObject("data").getString("requested"));
        assertEquals(2, r.json().getInt("id"));
    }
}
