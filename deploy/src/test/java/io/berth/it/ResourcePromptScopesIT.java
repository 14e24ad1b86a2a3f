package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Resources, resource templates and prompts follow the tools' scope rule, on both eras: a list shows exactly what the
 * caller's token grants, and reading, subscribing to, getting or completing anything else is HTTP 403 with an
 * {@code insufficient_scope} challenge naming the scope. The conformance fixture (class-loader tier) declares
 * {@code test://scoped/notes}, {@code test://scoped/{id}/note} and {@code scoped_prompt}, each needing
 * {@code notes.read}; a plugin uploaded to the worker tier declares the same kinds; a resource update reaches only
 * listeners that may read the resource.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ResourcePromptScopesIT {

    private static final JsonObject NO_CAPABILITIES = Json.createObjectBuilder().build();
    private static final String SCOPE = "notes.read";
    private static final String NOTES = "test://scoped/notes";
    private static final String TEMPLATE = "test://scoped/{id}/note";
    private static final String NOTE = "test://scoped/7/note";
    private static final String PROMPT = "scoped_prompt";
    private static final Duration NOTIFIED = Duration.ofSeconds(20);
    private static String tenant;
    private static Agents.ApiKey reader;
    private static Agents.ApiKey other;
    private static Agents.ApiKey broad;

    @BeforeAll
    static void keys() {
        tenant = McpTenants.secured();
        reader = Agents.apiKey(tenant, SCOPE);
        other = Agents.apiKey(tenant, "demo.read");
        broad = Agents.apiKey(tenant, "notes");
    }

    @AfterAll
    static void noCredentialInTheLogs() {
        UsedCredentials.assertNoneLogged();
    }

    private static StatelessClient stateless(String tenantId, String token) {
        return token == null ? new StatelessClient(BerthNodes.nodeA(), tenantId, NO_CAPABILITIES)
                : StatelessClient.withToken(BerthNodes.nodeA(), tenantId, NO_CAPABILITIES, token);
    }

    private static JsonObject params(String... pairs) {
        var b = Json.createObjectBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.add(pairs[i], pairs[i + 1]);
        }
        return b.build();
    }

    private static JsonObject prompt() {
        return Json.createObjectBuilder().add("name", PROMPT).add("arguments", params("id", "7")).build();
    }

    private static JsonObject completion(String type, String member, String value) {
        return Json.createObjectBuilder().add("ref", params("type", type, member, value))
                .add("argument", params("name", "id", "value", "4")).build();
    }

    /** The uses of a scoped offering, by method and params; each needs {@code notes.read}. */
    private static Map<String, JsonObject> scopedUses() {
        return Map.of("read " + NOTES, params("uri", NOTES), "read " + NOTE, params("uri", NOTE),
                "get " + PROMPT, prompt(), "complete prompt", completion("ref/prompt", "name", PROMPT),
                "complete template", completion("ref/resource", "uri", TEMPLATE));
    }

    private static String method(String use) {
        return use.startsWith("read") ? "resources/read" : use.startsWith("get") ? "prompts/get"
                : "completion/complete";
    }

    /** 403, the challenge naming {@code notes.read}, and a JSON-RPC error answering request {@code id}. */
    static void assertInsufficientScope(Http.Response r, int id) {
        assertEquals(403, r.status(), r.body());
        String challenge = r.header("WWW-Authenticate").orElseThrow(() -> new AssertionError("no challenge"));
        assertTrue(challenge.startsWith("Bearer error=\"insufficient_scope\""), challenge);
        assertTrue(challenge.contains("scope=\"" + SCOPE + "\""), challenge);
        JsonObject body = r.json();
        assertEquals(id, body.getInt("id"), r.body());
        assertEquals(-32600, body.getJsonObject("error").getInt("code"), r.body());
        assertTrue(body.getJsonObject("error").getString("message").contains(SCOPE), r.body());
    }

    /** What the four lists show the caller: every uri, uriTemplate and name, as one string. */
    private static String statelessLists(StatelessClient client) {
        return StatelessClient.result(client.request("resources/list", NO_CAPABILITIES)).getJsonArray("resources")
                + " " + StatelessClient.result(client.request("resources/templates/list", NO_CAPABILITIES))
                .getJsonArray("resourceTemplates")
                + " " + StatelessClient.result(client.request("prompts/list", NO_CAPABILITIES)).getJsonArray("prompts");
    }

    private static void assertListsScoped(String lists, boolean shown) {
        for (String item : new String[] {"\"" + NOTES + "\"", "\"" + TEMPLATE + "\"", "\"" + PROMPT + "\""}) {
            assertEquals(shown, lists.contains(item), item + " in " + lists);
        }
        assertTrue(lists.contains("\"test://static-text\"") && lists.contains("\"test_simple_prompt\""),
                "open offerings are listed for everyone: " + lists);
    }

    @Test
    void statelessEraListsAndUsesByScope() {
        for (Agents.ApiKey granted : new Agents.ApiKey[] {reader, broad}) {
            StatelessClient client = stateless(tenant, Agents.token(granted));
            assertListsScoped(statelessLists(client), true);
            JsonObject read = StatelessClient.result(client.request("resources/read", params("uri", NOTE)));
            assertEquals("Note 7", read.getJsonArray("contents").getJsonObject(0).getString("text"), read.toString());
            JsonObject got = StatelessClient.result(client.request("prompts/get", prompt()));
            assertTrue(got.toString().contains("Summarise note 7"), got.toString());
            JsonObject completed = StatelessClient.result(client.request("completion/complete",
                    completion("ref/resource", "uri", TEMPLATE)));
            assertEquals("[\"41\",\"42\"]", completed.getJsonObject("completion").getJsonArray("values").toString());
        }

        StatelessClient without = stateless(tenant, Agents.token(other));
        assertListsScoped(statelessLists(without), false);
        int id = 60;
        for (Map.Entry<String, JsonObject> use : scopedUses().entrySet()) {
            String method = method(use.getKey());
            assertInsufficientScope(without.post(without.body(Json.createValue(++id), method, use.getValue()),
                    StatelessClient.routingHeaders(method, use.getValue())), id);
        }
        assertEquals("This is the content of the static text resource.", StatelessClient.result(without.request(
                "resources/read", params("uri", "test://static-text"))).getJsonArray("contents").getJsonObject(0)
                .getString("text"), "open resources stay readable");
    }

    @Test
    void sessionEraListsAndUsesByScope() {
        McpClient without = new McpClient(BerthNodes.nodeA(), tenant, Agents.token(other));
        assertEquals(200, without.initialize("2025-11-25").status());
        assertListsScoped(sessionLists(without), false);
        int id = 80;
        for (Map.Entry<String, JsonObject> use : scopedUses().entrySet()) {
            assertInsufficientScope(without.post(request(++id, method(use.getKey()), use.getValue())), id);
        }
        assertInsufficientScope(without.post(request(++id, "resources/subscribe", params("uri", NOTES))), id);
        assertInsufficientScope(without.post(request(++id, "resources/subscribe", params("uri", NOTE))), id);

        McpClient with = new McpClient(BerthNodes.nodeA(), tenant, Agents.token(reader));
        assertEquals(200, with.initialize("2025-11-25").status());
        assertListsScoped(sessionLists(with), true);
        assertEquals("All notes", McpClient.result(with.request("resources/read", params("uri", NOTES).toString()))
                .getJsonArray("contents").getJsonObject(0).getString("text"));
        assertTrue(McpClient.result(with.request("prompts/get", prompt().toString())).toString()
                .contains("Summarise note 7"));
        assertEquals(200, with.request("resources/subscribe", params("uri", NOTES).toString()).status());
    }

    private static String request(int id, String method, JsonObject params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    private static String sessionLists(McpClient session) {
        return McpClient.result(session.request("resources/list", null)).getJsonArray("resources") + " "
                + McpClient.result(session.request("resources/templates/list", null)).getJsonArray("resourceTemplates")
                + " " + McpClient.result(session.request("prompts/list", null)).getJsonArray("prompts");
    }

    @Test
    void anonymousAgentsSeeAndUseOnlyWhatNeedsNoScope() {
        String open = McpTenants.fixture();
        StatelessClient anonymous = stateless(open, null);
        assertListsScoped(statelessLists(anonymous), false);
        Http.Response refused = anonymous.post(anonymous.body(Json.createValue(99), "resources/read",
                params("uri", NOTES)), StatelessClient.routingHeaders("resources/read", params("uri", NOTES)));
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.header("WWW-Authenticate").orElseThrow().contains("scope=\"" + SCOPE + "\""));
    }

    @Test
    void aResourceUpdateReachesOnlyListenersThatMayReadIt() throws Exception {
        JsonObject filter = Json.createObjectBuilder().add("resourceSubscriptions", Json.createArrayBuilder()
                .add(NOTES).add("test://watched-resource")).build();
        String withToken = Agents.token(reader);
        try (ListenStream allowed = ListenStream.open(stateless(tenant, withToken), "allowed", filter);
             ListenStream denied = ListenStream.open(stateless(tenant, Agents.token(other)), "denied", filter)) {
            assertEquals(Set.of(NOTES, "test://watched-resource"), acknowledged(allowed));
            assertEquals(Set.of("test://watched-resource"), acknowledged(denied),
                    "the acknowledgement leaves out what the listener may not read");

            // Each touch announces the scoped resource, then the watched one (applied in any order on the node).
            StatelessClient touching = stateless(tenant, withToken);
            touching.request("tools/call", params("name", "test_touch_scoped_notes"));
            assertEquals(Set.of(NOTES, "test://watched-resource"), Set.of(updated(allowed), updated(allowed)));
            touching.request("tools/call", params("name", "test_touch_scoped_notes"));
            assertEquals("test://watched-resource", updated(denied));
            assertEquals("test://watched-resource", updated(denied),
                    "the scoped resource's updates never reach the listener without the scope");
        }
    }

    private static Set<String> acknowledged(ListenStream stream) throws InterruptedException {
        JsonObject ack = stream.expect(NOTIFIED, "the acknowledgement");
        assertEquals("notifications/subscriptions/acknowledged", ack.getString("method"), ack.toString());
        JsonObject granted = ack.getJsonObject("params").getJsonObject("notifications");
        return granted.getJsonArray("resourceSubscriptions").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).collect(java.util.stream.Collectors.toSet());
    }

    private static String updated(ListenStream stream) throws InterruptedException {
        JsonObject next = stream.expect(NOTIFIED, "notifications/resources/updated");
        assertEquals("notifications/resources/updated", next.getString("method"), next.toString());
        return next.getJsonObject("params").getString("uri");
    }

    @Test
    void workerTierDeclarationsCarryTheirScopes() {
        TenantApiClient.Tenant t = TenantApiClient.newTenant("scopes");
        Http.Response up = new TenantApiClient(BerthNodes.nodeA(), t).upload("scoped-notes",
                PluginJars.jar(PluginJars.compile("scopedworker.Plugin", WORKER_PLUGIN), "scopedworker.Plugin"));
        assertEquals(201, up.status(), up.body());
        assertNotEquals("held", up.json().getString("status", ""), up.body());
        String with = Agents.token(BerthNodes.nodeA(), Agents.apiKey(t.id(), SCOPE));
        String without = Agents.token(BerthNodes.nodeA(), Agents.apiKey(t.id(), "other"));

        String listed = statelessLists(stateless(t.id(), with));
        assertTrue(listed.contains("\"w://notes\"") && listed.contains("\"w://{id}\"")
                && listed.contains("\"w_prompt\""), listed);
        assertEquals("worker 5", StatelessClient.result(stateless(t.id(), with).request("resources/read",
                params("uri", "w://5"))).getJsonArray("contents").getJsonObject(0).getString("text"));
        for (String token : new String[] {without, null}) {
            String hidden = statelessLists(stateless(t.id(), token));
            assertFalse(hidden.contains("\"w://notes\"") || hidden.contains("\"w://{id}\"")
                    || hidden.contains("\"w_prompt\""), hidden);
            assertTrue(hidden.contains("\"w://open\""), hidden);
            StatelessClient client = stateless(t.id(), token);
            JsonObject get = Json.createObjectBuilder().add("name", "w_prompt").add("arguments",
                    JsonValue.EMPTY_JSON_OBJECT).build();
            assertInsufficientScope(client.post(client.body(Json.createValue(71), "prompts/get", get),
                    StatelessClient.routingHeaders("prompts/get", get)), 71);
            assertInsufficientScope(client.post(client.body(Json.createValue(72), "resources/read",
                    params("uri", "w://5")), StatelessClient.routingHeaders("resources/read", params("uri", "w://5"))),
                    72);
        }
    }

    private static final String WORKER_PLUGIN = """
            package scopedworker;

            import io.berth.sdk.*;
            import java.util.List;

            public final class Plugin implements ToolPlugin {
                public List<Tool> tools() {
                    return List.of();
                }

                public List<Resource> resources() {
                    return List.of(
                            Resource.builder("w://notes", "notes").reader((u, c) -> text(u, "notes"))
                                    .scopes("notes.read").build(),
                            new Resource("w://open", "open", null, null, null, (u, c) -> text(u, "open")));
                }

                public List<ResourceTemplate> resourceTemplates() {
                    return List.of(ResourceTemplate.builder("w://{id}", "note")
                            .reader((u, v, c) -> text(u, "worker " + v.get("id"))).scopes("notes.read").build());
                }

                public List<Prompt> prompts() {
                    return List.of(Prompt.builder("w_prompt").handler((a, c) -> new PromptResult(null,
                            List.of(PromptMessage.user(new Content.Text("hi"))))).scopes("notes.read").build());
                }

                private static List<ResourceContents> text(String uri, String text) {
                    return List.of(ResourceContents.text(uri, "text/plain", text));
                }
            }
            """;
}
