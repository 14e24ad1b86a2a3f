package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.URI;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A tool's scopes decide who sees and calls it, by one rule on every era and transport: {@code tools/list} shows the
 * tools the caller's token grants (hierarchy included), and {@code tools/call} of any other is HTTP 403 with an
 * {@code insufficient_scope} challenge naming every scope the tool needs, and a JSON-RPC error for the request. The
 * fixture's {@code scoped_echo} needs {@code demo.write} and says who called it ({@code ToolContext.caller()}).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ToolScopesIT {

    private static final JsonObject NO_CAPABILITIES = Json.createObjectBuilder().build();
    private static String tenant;
    private static Agents.ApiKey writer;
    private static Agents.ApiKey reader;
    private static Agents.ApiKey broad;

    @BeforeAll
    static void keys() {
        tenant = McpTenants.secured();
        writer = Agents.apiKey(tenant, "demo.write");
        reader = Agents.apiKey(tenant, "demo.read");
        broad = Agents.apiKey(tenant, "demo");
    }

    @AfterAll
    static void noCredentialInTheLogs() {
        UsedCredentials.assertNoneLogged();
    }

    private static StatelessClient stateless(String token) {
        return StatelessClient.withToken(BerthNodes.nodeA(), tenant, NO_CAPABILITIES, token);
    }

    private static JsonObject echo() {
        return Json.createObjectBuilder().add("name", "scoped_echo")
                .add("arguments", Json.createObjectBuilder().add("message", "hi")).build();
    }

    /** 403, the challenge naming the tool's scopes, and a JSON-RPC error answering request {@code id}. */
    static void assertInsufficientScope(Http.Response r, String tenantId, int id) {
        assertEquals(403, r.status(), r.body());
        String challenge = r.header("WWW-Authenticate").orElseThrow(() -> new AssertionError("no challenge"));
        assertTrue(challenge.startsWith("Bearer error=\"insufficient_scope\""), challenge);
        assertTrue(challenge.contains("scope=\"demo.write\""), challenge);
        assertTrue(challenge.contains("resource_metadata=\"" + AgentTokensIT.resourceMetadata(tenantId) + "\""),
                challenge);
        JsonObject body = r.json();
        assertEquals(id, body.getInt("id"), r.body());
        assertEquals(-32600, body.getJsonObject("error").getInt("code"), r.body());
        assertTrue(body.getJsonObject("error").getString("message").contains("demo.write"), r.body());
    }

    @Test
    void statelessEraListsAndCallsByScope() {
        String withScope = Agents.token(writer);
        JsonObject listed = StatelessClient.result(stateless(withScope).request("tools/list", NO_CAPABILITIES));
        assertTrue(listed.getJsonArray("tools").toString().contains("\"scoped_echo\""), listed.toString());
        String text = StatelessClient.text(StatelessClient.result(stateless(withScope).request("tools/call", echo())));
        assertEquals("Echo: hi (subject=" + writer.id() + ", client=" + writer.id() + ", scopes=demo.write)", text,
                "ToolContext.caller() is the token's caller");

        String without = Agents.token(reader);
        JsonObject hidden = StatelessClient.result(stateless(without).request("tools/list", NO_CAPABILITIES));
        assertFalse(hidden.getJsonArray("tools").toString().contains("\"scoped_echo\""), hidden.toString());
        assertTrue(hidden.getJsonArray("tools").toString().contains("\"echo\""), hidden.toString());
        StatelessClient client = stateless(without);
        Http.Response refused = client.post(client.body(Json.createValue(41), "tools/call", echo()),
                StatelessClient.routingHeaders("tools/call", echo()));
        assertInsufficientScope(refused, tenant, 41);

        String parent = Agents.token(broad);
        assertTrue(StatelessClient.text(StatelessClient.result(stateless(parent).request("tools/call", echo())))
                .contains("scopes=demo)"), "demo grants demo.write");
    }

    @Test
    void aNarrowerTokenOfTheSameKeySeesLess() {
        Agents.ApiKey both = Agents.apiKey(tenant, "demo.write", "demo.read");
        String narrow = Agents.token(BerthNodes.nodeA(), both, "demo.read");
        assertFalse(StatelessClient.result(stateless(narrow).request("tools/list", NO_CAPABILITIES))
                .getJsonArray("tools").toString().contains("\"scoped_echo\""));
    }

    @Test
    void sessionEraListsAndCallsByScope() {
        McpClient session = new McpClient(BerthNodes.nodeA(), tenant, Agents.token(reader));
        assertEquals(200, session.initialize("2025-11-25").status());
        JsonObject listed = McpClient.result(session.request("tools/list", null));
        assertFalse(listed.getJsonArray("tools").toString().contains("\"scoped_echo\""), listed.toString());
        Http.Response refused = session.post("{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"tools/call\",\"params\":"
                + echo() + "}");
        assertInsufficientScope(refused, tenant, 42);

        // An agent whose key grants the scope calls it in its own session.
        McpClient same = new McpClient(BerthNodes.nodeA(), tenant, Agents.token(writer));
        assertEquals(200, same.initialize("2025-11-25").status());
        Http.Response called = same.post("{\"jsonrpc\":\"2.0\",\"id\":43,\"method\":\"tools/call\",\"params\":"
                + echo() + "}");
        assertTrue(McpClient.result(called).toString().contains("subject=" + writer.id()), called.body());
    }

    @Test
    void anonymousAgentsSeeAndCallOnlyToolsWithoutScopes() {
        String open = McpTenants.fixture();
        StatelessClient anonymous = new StatelessClient(BerthNodes.nodeA(), open, NO_CAPABILITIES);
        JsonObject listed = StatelessClient.result(anonymous.request("tools/list", NO_CAPABILITIES));
        assertFalse(listed.getJsonArray("tools").toString().contains("\"scoped_echo\""), listed.toString());
        Http.Response refused = anonymous.post(anonymous.body(Json.createValue(44), "tools/call", echo()),
                StatelessClient.routingHeaders("tools/call", echo()));
        assertInsufficientScope(refused, open, 44);

        McpClient session = new McpClient(BerthNodes.nodeA(), open);
        session.initialize("2025-11-25");
        assertInsufficientScope(session.post("{\"jsonrpc\":\"2.0\",\"id\":45,\"method\":\"tools/call\",\"params\":"
                + echo() + "}"), open, 45);
        assertTrue(McpClient.result(session.request("tools/call", "{\"name\":\"echo\",\"arguments\":{\"message\":"
                + "\"x\"}}")).toString().contains("Echo: x"), "tools without scopes stay callable");
    }

    @Test
    void legacySseRefusesOnThePost() throws Exception {
        String token = Agents.token(reader);
        try (SseEvents stream = SseEvents.get(BerthNodes.nodeA().resolve("/t/" + tenant + "/sse"),
                Agents.bearer(token))) {
            assertEquals(200, stream.status());
            URI messages = BerthNodes.nodeA().resolve(stream.nextEvent().data());
            assertEquals(202, Http.send("POST", messages, "application/json", "{\"jsonrpc\":\"2.0\",\"id\":1,"
                    + "\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"legacy\",\"version\":\"1\"}}}", Agents.bearer(token)).status());
            stream.nextEvent();
            Http.Response refused = Http.send("POST", messages, "application/json", "{\"jsonrpc\":\"2.0\",\"id\":46,"
                    + "\"method\":\"tools/call\",\"params\":" + echo() + "}", Agents.bearer(token));
            assertInsufficientScope(refused, tenant, 46);
        }
    }
}
