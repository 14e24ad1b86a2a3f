package io.berth.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * People's roles on the REST APIs over real HTTP: people sign in with the organisation's identity provider
 * ({@link PeopleIdp}), whose groups give them the operator role or roles in tenants; tenant keys carry roles too. Each
 * operation lets through exactly the roles it names (a tenant admin may do what any tenant role may), and no
 * credential crosses between the operator API, the tenant API and the MCP endpoints.
 */
class PeopleRolesIT {

    private static String acme;
    private static String globex;

    @BeforeAll
    static void tenants() {
        acme = TenantApiClient.newTenant("people-a").id();
        globex = TenantApiClient.newTenant("people-b").id();
    }

    @AfterAll
    static void noTokenInAnyLog() {
        UsedCredentials.assertNoneLogged();
    }

    private static URI a(String path) {
        return BerthNodes.nodeA().resolve(path);
    }

    private static Http.Response get(String path, String token, String... more) {
        return Http.get(a(path), concat(Agents.bearer(token), more));
    }

    private static Http.Response send(String method, String path, String body, String token) {
        return Http.send(method, a(path), body == null ? null : "application/json", body, Agents.bearer(token));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void anOperatorPersonRunsTheOperatorApiButHasNoSayInAnyTenant() {
        String operator = PeopleIdp.get().token("olivia", "berth:operator");
        assertEquals(200, get("/admin/api/v1/tenants", operator).status());
        Http.Response tenant = get("/admin/api/v1/tenants/" + acme, operator);
        assertEquals(200, tenant.status(), tenant.body());
        assertEquals(acme, tenant.json().getString("id"));

        String id = OperatorClient.uniqueTenantId("people-op");
        Http.Response created = send("POST", "/admin/api/v1/tenants",
                "{\"id\":\"" + id + "\",\"displayName\":\"Made by a person\"}", operator);
        assertEquals(201, created.status(), created.body());

        Http.Response tenantApi = get("/api/v1/plugins", operator, "Berth-Tenant", acme);
        assertEquals(403, tenantApi.status(), "the operator role opens no tenant: " + tenantApi.body());
    }

    @Test
    void tenantRolesGetExactlyTheirOperations() {
        String developer = PeopleIdp.get().token("dev", "berth:" + acme + ":developer");
        String auditor = PeopleIdp.get().token("aud", "berth:" + acme + ":auditor");
        String approver = PeopleIdp.get().token("appr", "berth:" + acme + ":approver");
        String admin = PeopleIdp.get().token("adm", "berth:" + acme + ":tenant-admin");
        String signingKey = "{\"name\":\"k\",\"publicKey\":\"" + java.util.Base64.getEncoder().encodeToString(
                Jwts.es256KeyPair().getPublic().getEncoded()) + "\"}";

        assertAll(
                // everybody in the tenant may read
                () -> assertEquals(200, get("/api/v1/plugins", developer).status()),
                () -> assertEquals(200, get("/api/v1/plugins", auditor).status()),
                () -> assertEquals(200, get("/api/v1/signing-keys", approver).status()),
                // writing plugins is the developers' (404: allowed through, no such plugin)
                () -> assertEquals(404, send("DELETE", "/api/v1/plugins/nothing", null, developer).status()),
                () -> forbidden(send("DELETE", "/api/v1/plugins/nothing", null, auditor), "developer"),
                () -> forbidden(send("DELETE", "/api/v1/plugins/nothing", null, approver), "developer"),
                // approving held versions is the approvers'
                () -> assertEquals(404, send("POST", "/api/v1/plugins/nothing/versions/1/approve", null, approver)
                        .status()),
                () -> forbidden(send("POST", "/api/v1/plugins/nothing/versions/1/approve", null, developer),
                        "approver"),
                // trust anchors are the tenant admins'
                () -> forbidden(send("POST", "/api/v1/signing-keys", signingKey, developer), "tenant-admin"),
                () -> assertEquals(201, send("POST", "/api/v1/signing-keys", signingKey, admin).status()),
                // a tenant admin may do what any tenant role may
                () -> assertEquals(404, send("POST", "/api/v1/plugins/nothing/versions/1/approve", null, admin)
                        .status()),
                () -> assertEquals(404, send("DELETE", "/api/v1/plugins/nothing", null, admin).status()),
                // and none of them is an operator
                () -> forbidden(get("/admin/api/v1/tenants", admin), "operator"));
    }

    private static void forbidden(Http.Response r, String namedRole) {
        assertEquals(403, r.status(), r.body());
        assertTrue(r.body().contains(namedRole), "the refusal names the role it needs: " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
    }

    @Test
    void aPersonInSeveralTenantsNamesOneAndNeverReachesAnotherTenant() {
        String both = PeopleIdp.get().token("multi", "berth:" + acme + ":auditor", "berth:" + globex + ":developer");
        Http.Response unnamed = get("/api/v1/plugins", both);
        assertEquals(400, unnamed.status(), unnamed.body());
        assertTrue(unnamed.body().contains("Berth-Tenant"), unnamed.body());
        assertEquals(200, get("/api/v1/plugins", both, "Berth-Tenant", acme).status());
        Http.Response asGlobexDeveloper = Http.send("DELETE", a("/api/v1/plugins/nothing"), null, null,
                concat(Agents.bearer(both), new String[] {"Berth-Tenant", globex}));
        assertEquals(404, asGlobexDeveloper.status(), "allowed through, no such plugin: " + asGlobexDeveloper.body());
        forbidden(Http.send("DELETE", a("/api/v1/plugins/nothing"), null, null, concat(Agents.bearer(both),
                new String[] {"Berth-Tenant", acme})), "developer");

        String onlyAcme = PeopleIdp.get().token("single", "berth:" + acme + ":tenant-admin");
        Http.Response otherTenant = get("/api/v1/plugins", onlyAcme, "Berth-Tenant", globex);
        Http.Response noTenant = get("/api/v1/plugins", onlyAcme, "Berth-Tenant", "no-such-tenant-x");
        assertEquals(403, otherTenant.status(), otherTenant.body());
        assertEquals(otherTenant.body(), noTenant.body(), "an existing and a missing tenant are refused alike");
    }

    @Test
    void badPeopleTokensAreUnknownCredentials() {
        PeopleIdp idp = PeopleIdp.get();
        long now = System.currentTimeMillis() / 1000;
        JsonObject expired = idp.claims("late", "berth:operator").add("iat", now - 900).add("exp", now - 300).build();
        JsonObject agentAudience = idp.claims("aud", "berth:operator")
                .add("aud", BerthNodes.https() + "/t/" + acme + "/mcp").build();
        JsonObject otherIssuer = idp.claims("iss", "berth:operator").add("iss", "https://evil.it.example").build();
        JsonObject good = idp.claims("forger", "berth:operator").build();
        for (String token : new String[] {idp.sign(expired), idp.sign(agentAudience), idp.sign(otherIssuer),
                idp.forged(good)}) {
            Http.Response operatorApi = get("/admin/api/v1/tenants", token);
            Http.Response tenantApi = get("/api/v1/plugins", token, "Berth-Tenant", acme);
            assertEquals(401, operatorApi.status(), operatorApi.body());
            assertEquals(401, tenantApi.status(), tenantApi.body());
            assertTrue(operatorApi.header("WWW-Authenticate").orElse("").startsWith("Bearer"));
        }
    }

    @Test
    void keysCarryRolesAndAgentKeysOpenNoApi() {
        Http.Response issued = new OperatorClient(BerthNodes.nodeA()).post(a("/admin/api/v1/tenants/" + acme
                + "/api-keys"), Json.createObjectBuilder().add("name", "auditor key")
                .add("roles", Json.createArrayBuilder().add("auditor")).build().toString());
        assertEquals(201, issued.status(), issued.body());
        String auditorKey = issued.json().getString("key");
        UsedCredentials.note(auditorKey);
        assertEquals(200, get("/api/v1/plugins", auditorKey).status());
        forbidden(send("DELETE", "/api/v1/plugins/nothing", null, auditorKey), "developer");
        assertEquals(401, get("/admin/api/v1/tenants", auditorKey).status(), "a tenant key is no operator's");

        Agents.ApiKey agentKey = Agents.apiKey(acme);
        Http.Response agentOnTenantApi = get("/api/v1/plugins", agentKey.secret());
        assertEquals(403, agentOnTenantApi.status(), agentOnTenantApi.body());
        assertTrue(agentOnTenantApi.body().contains("agent key"), agentOnTenantApi.body());

        Http.Response operatorRole = new OperatorClient(BerthNodes.nodeA()).post(a("/admin/api/v1/tenants/" + acme
                + "/api-keys"), "{\"name\":\"x\",\"roles\":[\"operator\"]}");
        assertEquals(400, operatorRole.status(), "no key holds the operator role: " + operatorRole.body());
    }

    @Test
    void agentTokensAndPeopleTokensNeverCross() {
        String agentToken = Agents.token(BerthNodes.nodeA(), Agents.apiKey(acme));
        assertEquals(401, get("/admin/api/v1/tenants", agentToken).status());
        assertEquals(401, get("/api/v1/plugins", agentToken).status());

        String person = PeopleIdp.get().token("mcp", "berth:operator", "berth:" + acme + ":tenant-admin");
        Http.Response mcp = Http.send("POST", a("/t/" + acme + "/mcp"), "application/json",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "Authorization", "Bearer " + person,
                "Accept", "application/json, text/event-stream");
        assertEquals(401, mcp.status(), "a person's token is no agent token: " + mcp.body());
    }

    @Test
    void aTenantAdminRevokesTheTenantsAgentTokensAndOnlyTheirs() {
        String token = Agents.token(BerthNodes.nodeA(), Agents.apiKey(acme));
        String jti = Jwts.payload(token).getString("jti");
        String body = "{\"jti\":\"" + jti + "\"}";
        String developer = PeopleIdp.get().token("dev2", "berth:" + acme + ":developer");
        forbidden(send("POST", "/api/v1/revocations", body, developer), "tenant-admin");
        assertEquals(200, mcpPing(token).status(), "not revoked by a developer");

        String otherAdmin = PeopleIdp.get().token("adm-g", "berth:" + globex + ":tenant-admin");
        assertEquals(204, send("POST", "/api/v1/revocations", body, otherAdmin).status(),
                "globex may revoke a jti in globex, which touches nothing of acme's");
        assertEquals(200, mcpPing(token).status(), "acme's token survives another tenant's revocation");

        String admin = PeopleIdp.get().token("adm2", "berth:" + acme + ":tenant-admin");
        assertEquals(204, send("POST", "/api/v1/revocations", body, admin).status());
        assertEquals(401, mcpPing(token).status(), "revoked by acme's tenant admin");
    }

    private static Http.Response mcpPing(String token) {
        return Http.send("POST", a("/t/" + acme + "/mcp"), "application/json",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}",
                "Authorization", "Bearer " + token, "Accept", "application/json, text/event-stream");
    }
}
