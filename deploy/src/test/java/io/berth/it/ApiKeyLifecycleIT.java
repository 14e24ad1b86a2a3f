package io.berth.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An API key's whole life over HTTP, through both APIs that manage keys (the operator's and the tenant's own): issued
 * with roles and an expiry, listed without any secret, its last use recorded, rotated with an overlap window (both keys
 * work, then only the new one) or without, revoked (the key fails on the tenant API and at the token endpoint, and an
 * agent token minted from it fails on the MCP endpoint of every node). Another tenant's key id is 404 like an unknown
 * one, and bad input is 400 with the field named.
 */
class ApiKeyLifecycleIT {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static String tenant;
    private static String otherTenant;
    private static ApiKeyClient operator;
    private static ApiKeyClient tenantApi;
    private static Agents.ApiKey admin;

    @BeforeAll
    static void tenants() {
        BerthNodes.awaitReady();
        tenant = created(OperatorClient.uniqueTenantId("keys"));
        otherTenant = created(OperatorClient.uniqueTenantId("keys-other"));
        operator = ApiKeyClient.operator(BerthNodes.nodeA(), tenant);
        admin = operator.issued(tenant, "{\"name\":\"admin\",\"roles\":[\"tenant-admin\"]}");
        tenantApi = ApiKeyClient.tenant(BerthNodes.nodeA(), admin.secret());
    }

    @AfterAll
    static void noKeyInTheLogs() {
        UsedCredentials.assertNoneLogged();
    }

    @Test
    void issuedWithRolesAndExpiryListedWithoutSecretsAndLastUseRecorded() {
        Instant before = Instant.now();
        Http.Response issued = operator.issue("{\"name\":\"ci\",\"scopes\":[\"crm.read\"],\"roles\":[\"developer\","
                + "\"auditor\"],\"environment\":\"test\",\"expiresInDays\":7}");
        assertEquals(201, issued.status(), issued.body());
        assertEquals("no-store", issued.header("Cache-Control").orElse(""));
        JsonObject key = issued.json();
        String secret = key.getString("key");
        assertTrue(secret.startsWith("berth_test_" + key.getString("id") + "_"), "prefix and key id");
        assertEquals(List.of("developer", "auditor"), strings(key, "roles"), "in the roles' own order");
        assertEquals(List.of("crm.read"), strings(key, "scopes"));
        Instant expires = Instant.parse(key.getString("expiresAt"));
        assertFalse(expires.isBefore(before.plus(Duration.ofDays(7))) || expires.isAfter(Instant.now().plus(
                Duration.ofDays(7))), "expires in 7 days: " + expires);
        assertTrue(issued.header("Location").orElse("").endsWith("/api-keys/" + key.getString("id")));

        for (ApiKeyClient api : List.of(operator, tenantApi)) {
            Http.Response list = api.list();
            assertEquals(200, list.status(), list.body());
            assertFalse(list.body().contains(secret) || list.body().contains(admin.secret()), "no key listed");
            assertFalse(list.body().contains("\"key\"") || list.body().contains("hash"), list.body());
            JsonObject listed = find(list.json(), key.getString("id"));
            assertEquals("test", listed.getString("environment"));
            assertEquals("active", listed.getString("status"));
            assertEquals(key.getString("expiresAt"), listed.getString("expiresAt"));
        }
        Http.Response token = Agents.tokenRequest(BerthNodes.nodeA(), tenant, "grant_type=client_credentials",
                Agents.basic(new Agents.ApiKey(tenant, key.getString("id"), secret)));
        assertEquals(200, token.status(), token.body());
        UsedCredentials.note(token.json().getString("access_token"));
        assertTrue(operator.get(key.getString("id")).json().containsKey("lastUsedAt"), "last use recorded");
        assertTrue(tenantApi.get(admin.id()).json().containsKey("lastUsedAt"), "the admin key's too");
    }

    @Test
    void rotatedWithAnOverlapBothKeysWorkThenOnlyTheNewOne() {
        Agents.ApiKey old = tenantApi.issued(tenant, "{\"name\":\"agent\",\"scopes\":[\"demo.write\"]}");
        String earlierToken = Agents.token(BerthNodes.nodeA(), old);
        Http.Response rotated = tenantApi.rotate(old.id(), "{\"overlapSeconds\":2}");
        assertEquals(201, rotated.status(), rotated.body());
        JsonObject next = rotated.json();
        assertEquals(old.id(), next.getString("replaces"));
        assertEquals("agent", next.getString("name"));
        assertEquals(List.of("demo.write"), strings(next, "scopes"));
        Agents.ApiKey successor = new Agents.ApiKey(tenant, next.getString("id"), next.getString("key"));
        assertEquals(next.getString("id"), operator.get(old.id()).json().getString("rotatedTo"));

        // Within the window (the requests may straddle its end on a slow machine: only success is asserted early).
        Http.Response during = tokenRequest(old);
        if (during.status() == 200) {
            UsedCredentials.note(during.json().getString("access_token"));
            assertTrue(during.json().getInt("expires_in") <= 2, "a token never outlives its key: " + during.body());
        }
        assertEquals(200, tokenRequest(successor).status());

        await("the old key refused once its window ended").atMost(BOUND).until(() -> tokenRequest(old).status() == 401);
        awaitRefusedEverywhere(earlierToken, "a token minted from the old key before the rotation");
        assertEquals(200, tokenRequest(successor).status(), "the new key works on");
        assertEquals("expired", operator.get(old.id()).json().getString("status"));
    }

    @Test
    void rotatedWithoutOverlapTheOldKeyAndItsTokensEndAtOnce() {
        Agents.ApiKey old = adminAgent("admin 2");
        String token = acceptedToken(old);
        Http.Response rotated = operator.rotate(old.id(), "{\"overlapSeconds\":0}");
        assertEquals(201, rotated.status(), rotated.body());
        assertEquals(401, tokenRequest(old).status());
        assertEquals(401, ApiKeyClient.tenant(BerthNodes.nodeA(), old.secret()).list().status());
        awaitRefusedEverywhere(token, "a token minted from the old key");
        Agents.ApiKey next = new Agents.ApiKey(tenant, rotated.json().getString("id"),
                rotated.json().getString("key"));
        assertEquals(200, ApiKeyClient.tenant(BerthNodes.nodeA(), next.secret()).list().status(), "roles inherited");
    }

    @Test
    void aRevokedKeyFailsEverywhereAndSoDoTheTokensMintedFromIt() {
        Agents.ApiKey doomed = adminAgent("doomed");
        String token = acceptedToken(doomed);
        assertEquals(204, tenantApi.revoke(doomed.id()).status());
        assertEquals(401, ApiKeyClient.tenant(BerthNodes.nodeA(), doomed.secret()).list().status(), "tenant API");
        Http.Response refused = tokenRequest(doomed);
        assertEquals(401, refused.status(), refused.body());
        assertEquals("invalid_client", refused.json().getString("error"));
        awaitRefusedEverywhere(token, "a token minted from the revoked key");
        JsonObject after = operator.get(doomed.id()).json();
        assertEquals("revoked", after.getString("status"));
        assertTrue(after.containsKey("revokedAt"));
        assertEquals(204, operator.revoke(doomed.id()).status(), "revoking again is fine");
        Http.Response rotate = operator.rotate(doomed.id(), null);
        assertEquals(409, rotate.status(), rotate.body());
        assertEquals("urn:berth:problem:api-key-not-rotatable", rotate.json().getString("type"));
    }

    @Test
    void anotherTenantsKeyIdIsNotFoundLikeAnUnknownOneThroughBothApis() {
        Agents.ApiKey theirs = ApiKeyClient.operator(BerthNodes.nodeA(), otherTenant).issued(otherTenant,
                "{\"name\":\"theirs\",\"scopes\":[\"demo.write\"]}");
        for (ApiKeyClient api : List.of(operator, tenantApi)) {
            for (String id : List.of(theirs.id(), "0123456789abcdef")) {
                for (Http.Response r : List.of(api.get(id), api.revoke(id), api.rotate(id, "{}"))) {
                    assertEquals(404, r.status(), r.body());
                    assertEquals("urn:berth:problem:api-key-not-found", r.json().getString("type"));
                    assertEquals("The tenant has no API key with this id.", r.json().getString("detail"));
                }
            }
            assertFalse(api.list().body().contains(theirs.id()));
        }
        assertEquals(200, tokenRequest(theirs).status(), "their key is untouched");
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() {
        assertInvalid(operator.issue("{\"name\":\"x\",\"roles\":[\"operator\"]}"), "roles");
        assertInvalid(tenantApi.issue("{\"name\":\"x\",\"roles\":[\"operator\"]}"), "roles");
        assertInvalid(tenantApi.issue("{\"name\":\"x\",\"roles\":\"tenant-admin\"}"), "roles");
        assertInvalid(operator.issue("{\"roles\":[]}"), "name");
        assertInvalid(operator.issue("{\"name\":\"x\",\"environment\":\"prod\"}"), "environment");
        assertInvalid(operator.issue("{\"name\":\"x\",\"expiresInDays\":100000}"), "expiresInDays");
        assertInvalid(operator.issue("{\"name\":\"x\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}"), "expiresAt");
        assertInvalid(operator.issue("{\"name\":\"x\",\"expiresAt\":\"tomorrow\"}"), "expiresAt");
        assertInvalid(operator.issue("{\"name\":\"x\",\"neverExpires\":true}"), "neverExpires");
        assertInvalid(operator.issue("{\"name\":\"x\",\"owner\":\"me\"}"), "owner");
        assertInvalid(tenantApi.rotate(admin.id(), "{\"overlapSeconds\":-1}"), "overlapSeconds");
        assertInvalid(tenantApi.rotate(admin.id(), "{\"overlapSeconds\":100000000}"), "overlapSeconds");
        assertInvalid(tenantApi.rotate(admin.id(), "{\"overlapSeconds\":\"soon\"}"), "overlapSeconds");
        assertFalse(tenantApi.get(admin.id()).json().containsKey("rotatedTo"), "nothing rotated");
        Http.Response noTenant = ApiKeyClient.operator(BerthNodes.nodeA(), "no-such-tenant").list();
        assertEquals(404, noTenant.status(), noTenant.body());
    }

    @Test
    void bothApisDocumentTheKeyEndpoints() {
        JsonObject paths = Http.get(BerthNodes.nodeA().resolve("/openapi?format=JSON")).json().getJsonObject("paths");
        for (String path : List.of("/admin/api/v1/tenants/{id}/api-keys/{keyId}/rotate", "/api/v1/api-keys",
                "/api/v1/api-keys/{keyId}", "/api/v1/api-keys/{keyId}/rotate")) {
            assertTrue(paths.containsKey(path), path + " in " + paths.keySet());
        }
    }

    private static String created(String id) {
        Http.Response r = new OperatorClient(BerthNodes.nodeA()).create(id, "API key IT");
        assertEquals(201, r.status(), r.body());
        return id;
    }

    private static Http.Response tokenRequest(Agents.ApiKey key) {
        return Agents.tokenRequest(BerthNodes.nodeA(), key.tenant(), "grant_type=client_credentials",
                Agents.basic(key));
    }

    /** An MCP POST with the token: 401 once refused, 400 (a bad message, after authentication) while accepted. */
    private static int mcpStatus(URI node, String token) {
        return Http.send("POST", node.resolve("/t/" + tenant + "/mcp"), OperatorClient.JSON, "{}",
                Agents.bearer(token)).status();
    }

    /** A key that is both a tenant admin (tenant API) and an agent (token endpoint, MCP). */
    private static Agents.ApiKey adminAgent(String name) {
        return operator.issued(tenant, "{\"name\":\"" + name + "\",\"roles\":[\"tenant-admin\"],"
                + "\"scopes\":[\"demo.write\"]}");
    }

    /** A token minted from the key on node A, accepted by the MCP endpoint of every node. */
    private static String acceptedToken(Agents.ApiKey key) {
        String token = Agents.token(BerthNodes.nodeA(), key);
        for (URI node : BerthNodes.all()) {
            assertEquals(400, mcpStatus(node, token), "accepted on " + node);
        }
        return token;
    }

    private static void awaitRefusedEverywhere(String token, String what) {
        for (URI node : BerthNodes.all()) {
            await(what + " refused on " + node).atMost(BOUND).until(() -> mcpStatus(node, token) == 401);
        }
    }

    private static void assertInvalid(Http.Response r, String field) {
        assertEquals(400, r.status(), r.body());
        assertEquals("urn:berth:problem:invalid-input", r.json().getString("type"), r.body());
        assertTrue(r.json().getJsonArray("errors").stream().map(JsonValue::asJsonObject)
                .anyMatch(e -> e.getString("field").startsWith(field)), "names " + field + ": " + r.body());
    }

    private static JsonObject find(JsonObject list, String id) {
        return list.getJsonArray("apiKeys").stream().map(JsonValue::asJsonObject)
                .filter(k -> k.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("key " + id + " not listed: " + list));
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
