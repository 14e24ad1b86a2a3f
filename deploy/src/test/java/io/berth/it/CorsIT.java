package io.berth.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CORS is off until a tenant lists browser origins (operator: {@code /admin/api/v1/tenants/{id}/cors}, tenant admin:
 * {@code /api/v1/cors}). Then its agent-facing endpoints answer preflights from those origins only and give their
 * responses {@code Access-Control-Allow-Origin} for exactly that origin, on every node from the next request on;
 * every other origin is still refused, and the REST APIs never speak CORS.
 */
class CorsIT {

    private static final String APP = "https://app.cors-it.example";
    private static final String OTHER = "https://other.cors-it.example";
    private static final String EVIL = "https://evil.example";
    private static final Duration PROPAGATION = Duration.ofSeconds(10);
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"cors-it\","
            + "\"version\":\"1\"}}}";

    private final OperatorClient operator = new OperatorClient(BerthNodes.nodeA());

    @BeforeAll
    static void ready() {
        BerthNodes.awaitReady();
    }

    private static URI cors(String tenant) {
        return BerthNodes.nodeA().resolve("/admin/api/v1/tenants/" + tenant + "/cors");
    }

    private static Http.Response preflight(URI node, String path, String origin, String method, String headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(node.resolve(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method);
        if (headers != null) {
            b.header("Access-Control-Request-Headers", headers);
        }
        return Http.send(b);
    }

    private static Http.Response mcpPreflight(URI node, String tenant, String origin) {
        return preflight(node, "/t/" + tenant + "/mcp", origin, "POST", "authorization,content-type");
    }

    private static void assertNoCors(Http.Response r) {
        assertTrue(r.headers().map().keySet().stream().noneMatch(h -> h.toLowerCase().startsWith("access-control-")),
                () -> "CORS headers on a refused request: " + r.headers().map());
    }

    private String newTenant() {
        String id = OperatorClient.uniqueTenantId("cors");
        assertEquals(201, operator.create(id, "CORS").status());
        return id;
    }

    private String allow(String tenant, String... origins) {
        String list = java.util.Arrays.stream(origins).map(o -> "\"" + o + "\"").collect(Collectors.joining(","));
        Http.Response r = operator.put(cors(tenant), "{\"origins\":[" + list + "]}");
        assertEquals(200, r.status(), r.body());
        return r.header("ETag").orElseThrow();
    }

    @Test
    void corsIsOffByDefault() {
        String id = newTenant();
        Http.Response read = operator.get(cors(id));
        assertEquals(200, read.status(), read.body());
        assertEquals(0, read.json().getJsonArray("origins").size());
        assertTrue(read.header("ETag").isPresent());

        Http.Response preflight = mcpPreflight(BerthNodes.nodeA(), id, APP);
        assertEquals(403, preflight.status());
        assertNoCors(preflight);
        Http.Response post = new McpClient(BerthNodes.nodeA(), id).post(INITIALIZE, "Origin", APP);
        assertEquals(403, post.status(), "a cross-origin browser is refused as before");
        assertNoCors(post);

        Http.Response metadata = Http.get(BerthNodes.nodeA().resolve("/.well-known/oauth-protected-resource/t/" + id
                + "/mcp"), "Origin", APP);
        assertEquals(200, metadata.status());
        assertNoCors(metadata);
        assertEquals("Origin", metadata.header("Vary").orElse(""));
        assertNoCors(preflight(BerthNodes.nodeA(), "/t/" + id + "/oauth/token", APP, "POST", "authorization"));
    }

    @Test
    void aListedOriginIsServedAndNoOtherOne() {
        String id = newTenant();
        allow(id, "HTTPS://App.cors-it.example:443");
        assertEquals(APP, operator.get(cors(id)).json().getJsonArray("origins").getString(0), "normalised");

        Http.Response preflight = preflight(BerthNodes.nodeA(), "/t/" + id + "/mcp", APP, "POST",
                "authorization,content-type,mcp-protocol-version,mcp-session-id,mcp-param-region");
        assertEquals(204, preflight.status());
        assertEquals(APP, preflight.header("Access-Control-Allow-Origin").orElse(""));
        assertTrue(preflight.header("Access-Control-Allow-Methods").orElse("").contains("POST"));
        String allowed = preflight.header("Access-Control-Allow-Headers").orElse("");
        for (String h : new String[] {"Authorization", "Content-Type", "Accept", "Mcp-Session-Id",
                "MCP-Protocol-Version", "Last-Event-ID", "Mcp-Method", "Mcp-Name", "mcp-param-region"}) {
            assertTrue(allowed.contains(h), h + " in " + allowed);
        }
        assertTrue(preflight.header("Access-Control-Max-Age").isPresent());
        assertTrue(preflight.header("Vary").orElse("").contains("Origin"));
        assertFalse(preflight.header("Access-Control-Allow-Credentials").isPresent(), "never credentials");

        for (String origin : new String[] {EVIL, "http://app.cors-it.example", APP + ":8443"}) {
            Http.Response refused = mcpPreflight(BerthNodes.nodeA(), id, origin);
            assertEquals(403, refused.status(), origin);
            assertNoCors(refused);
            Http.Response post = new McpClient(BerthNodes.nodeA(), id).post(INITIALIZE, "Origin", origin);
            assertEquals(403, post.status(), origin);
            assertNoCors(post);
        }
        Http.Response otherMethod = preflight(BerthNodes.nodeA(), "/t/" + id + "/mcp", APP, "PUT", null);
        assertEquals(403, otherMethod.status());
        assertNoCors(otherMethod);
    }

    @Test
    void anAgentWithATokenCallsMcpFromAListedOrigin() {
        String id = newTenant();
        allow(id, APP);
        McpClient mcp = new McpClient(BerthNodes.nodeA(), id, Agents.token(Agents.apiKey(id)));
        Http.Response init = mcp.post(INITIALIZE, "Origin", APP);
        assertEquals(200, init.status(), init.body());
        assertEquals(APP, init.header("Access-Control-Allow-Origin").orElse(""));
        String exposed = init.header("Access-Control-Expose-Headers").orElse("");
        assertTrue(exposed.contains("Mcp-Session-Id") && exposed.contains("WWW-Authenticate")
                && exposed.contains("MCP-Protocol-Version"), exposed);
        assertTrue(init.header("Vary").orElse("").contains("Origin"));
        assertFalse(init.header("Access-Control-Allow-Credentials").isPresent());

        String session = init.header("Mcp-Session-Id").orElseThrow();
        Http.Response list = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", "Origin", APP,
                "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        assertEquals(200, list.status(), list.body());
        assertEquals(APP, list.header("Access-Control-Allow-Origin").orElse(""));
        assertTrue(list.json().getJsonObject("result").containsKey("tools"), list.body());

        Http.Response noToken = new McpClient(BerthNodes.nodeA(), id).post(INITIALIZE, "Origin", APP);
        assertEquals(401, noToken.status());
        assertEquals(APP, noToken.header("Access-Control-Allow-Origin").orElse(""), "the page may read the 401");
        assertTrue(noToken.header("WWW-Authenticate").isPresent());

        Http.Response evil = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}", "Origin", EVIL,
                "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        assertEquals(403, evil.status(), "a valid token does not admit an unlisted origin");
        assertNoCors(evil);
    }

    @Test
    void oauthAndMetadataFollowTheSameList() {
        String id = newTenant();
        allow(id, APP);
        Http.Response token = preflight(BerthNodes.nodeA(), "/t/" + id + "/oauth/token", APP, "POST",
                "authorization");
        assertEquals(204, token.status());
        assertEquals(APP, token.header("Access-Control-Allow-Origin").orElse(""));
        assertEquals("POST", token.header("Access-Control-Allow-Methods").orElse(""));

        Agents.ApiKey key = Agents.apiKey(id);
        Http.Response issued = Agents.tokenRequest(BerthNodes.nodeA(), id, "grant_type=client_credentials",
                concat(Agents.basic(key), "Origin", APP));
        assertEquals(200, issued.status(), issued.body());
        assertEquals(APP, issued.header("Access-Control-Allow-Origin").orElse(""));
        UsedCredentials.note(issued.json().getString("access_token"));

        for (String path : new String[] {"/.well-known/oauth-protected-resource/t/" + id + "/mcp",
                "/.well-known/oauth-authorization-server/t/" + id, "/t/" + id + "/oauth/jwks"}) {
            Http.Response listed = Http.get(BerthNodes.nodeA().resolve(path), "Origin", APP);
            assertEquals(200, listed.status(), path);
            assertEquals(APP, listed.header("Access-Control-Allow-Origin").orElse(""), path);
            Http.Response other = Http.get(BerthNodes.nodeA().resolve(path), "Origin", EVIL);
            assertEquals(200, other.status(), path);
            assertNoCors(other);
        }
        Http.Response metadataPreflight = preflight(BerthNodes.nodeA(), "/.well-known/oauth-protected-resource/t/"
                + id + "/mcp", APP, "GET", "mcp-protocol-version");
        assertEquals(204, metadataPreflight.status());
        assertEquals(APP, metadataPreflight.header("Access-Control-Allow-Origin").orElse(""));
    }

    @Test
    void theRestApisNeverSpeakCors() {
        String id = newTenant();
        allow(id, APP);
        Http.Response admin = preflight(BerthNodes.nodeA(), "/admin/api/v1/tenants", APP, "GET", "authorization");
        assertNoCors(admin);
        Http.Response adminGet = Http.get(operator.tenants(), concat(operator.auth(), "Origin", APP));
        assertEquals(200, adminGet.status());
        assertNoCors(adminGet);
        Http.Response tenantApi = preflight(BerthNodes.nodeA(), "/api/v1/cors", APP, "GET", "authorization");
        assertNoCors(tenantApi);
    }

    @Test
    void aChangeOnOneNodeTakesEffectOnEveryNode() {
        String id = newTenant();
        allow(id, APP);
        for (URI node : BerthNodes.all()) {
            await("preflight from the listed origin at " + node).atMost(PROPAGATION)
                    .pollInterval(Duration.ofMillis(20)).until(() -> mcpPreflight(node, id, APP).status() == 204);
        }
        allow(id, OTHER);
        for (URI node : BerthNodes.all()) {
            await("the removed origin refused at " + node).atMost(PROPAGATION).pollInterval(Duration.ofMillis(20))
                    .until(() -> mcpPreflight(node, id, APP).status() == 403);
            assertEquals(204, mcpPreflight(node, id, OTHER).status(), node.toString());
        }
        allow(id);
        for (URI node : BerthNodes.all()) {
            await("CORS off again at " + node).atMost(PROPAGATION).pollInterval(Duration.ofMillis(20))
                    .until(() -> mcpPreflight(node, id, OTHER).status() == 403);
        }
    }

    @Test
    void aTenantCreatedAgainStartsWithoutOrigins() {
        String id = newTenant();
        allow(id, APP);
        assertEquals(204, mcpPreflight(BerthNodes.nodeA(), id, APP).status());
        assertEquals(204, operator.delete(id).status());
        assertEquals(201, operator.create(id, "Again").status());
        assertEquals(0, operator.get(cors(id)).json().getJsonArray("origins").size());
        assertEquals(403, mcpPreflight(BerthNodes.nodeA(), id, APP).status());
    }

    @Test
    void badListsAreRefusedWithAHelpfulMessage() {
        String id = newTenant();
        assertBad(id, "[\"*\"]", "wildcards are not allowed");
        assertBad(id, "[\"https://*.cors-it.example\"]", "wildcards are not allowed");
        assertBad(id, "[\"http://app.cors-it.example\"]", "must use https://");
        assertBad(id, "[\"https://app.cors-it.example/app\"]", "without path");
        assertBad(id, "[\"app.cors-it.example\"]", "must start with https://");
        String many = IntStream.range(0, 51).mapToObj(i -> "\"https://a" + i + ".cors-it.example\"")
                .collect(Collectors.joining(","));
        assertBad(id, "[" + many + "]", "at most 50 origins");
        assertEquals(400, operator.put(cors(id), "{}").status());
        assertEquals(400, operator.put(cors(id), "{\"origins\":[],\"credentials\":true}").status());
        assertEquals(200, operator.put(cors(id), "{\"origins\":[\"http://localhost:3000\",\"http://127.0.0.1:5173\"]}")
                .status(), "http on loopback, for development");
        assertEquals(404, operator.get(cors(OperatorClient.uniqueTenantId("none"))).status());
        assertEquals(401, Http.get(cors(id)).status());
    }

    @Test
    void aStaleIfMatchIsRefused() {
        String id = newTenant();
        String etag = operator.get(cors(id)).header("ETag").orElseThrow();
        Http.Response set = operator.put(cors(id), "{\"origins\":[\"" + APP + "\"]}", "If-Match", etag);
        assertEquals(200, set.status(), set.body());
        assertNotEquals(etag, set.header("ETag").orElseThrow());
        Http.Response stale = operator.put(cors(id), "{\"origins\":[]}", "If-Match", etag);
        assertEquals(412, stale.status(), stale.body());
        assertEquals(APP, operator.get(cors(id)).json().getJsonArray("origins").getString(0), "unchanged");
    }

    @Test
    void theTenantAdminManagesItsOwnList() {
        TenantApiClient.Tenant tenant = TenantApiClient.newTenant("cors-api");
        TenantApiClient api = new TenantApiClient(BerthNodes.nodeA(), tenant);
        Http.Response read = api.get("cors");
        assertEquals(200, read.status(), read.body());
        String etag = read.header("ETag").orElseThrow();
        Http.Response set = api.put("cors", "{\"origins\":[\"" + APP + "\"]}", "If-Match", etag);
        assertEquals(200, set.status(), set.body());
        assertEquals(APP, operator.get(cors(tenant.id())).json().getJsonArray("origins").getString(0),
                "the same list the operator sees");
        assertEquals(412, api.put("cors", "{\"origins\":[]}", "If-Match", etag).status());
        Http.Response bad = api.put("cors", "{\"origins\":[\"*\"]}");
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("wildcards are not allowed"), bad.body());
        assertEquals(204, mcpPreflight(BerthNodes.nodeA(), tenant.id(), APP).status());
    }

    private void assertBad(String tenant, String origins, String message) {
        Http.Response r = operator.put(cors(tenant), "{\"origins\":" + origins + "}");
        assertEquals(400, r.status(), r.body());
        assertEquals("urn:berth:problem:invalid-input", r.json().getString("type"));
        assertTrue(r.json().getString("detail").contains(message), r.body());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
