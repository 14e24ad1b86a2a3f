package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.net.URI;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant's authorization server and discovery documents: the token endpoint (client credentials with an API key, by
 * HTTP Basic or in the form), RFC 7009 revocation, the JWKS, and the RFC 9728 / RFC 8414 metadata at their well-known
 * addresses. Unknown and suspended tenants answer strangers as served ones ({@link TenantExistenceIT} compares them
 * byte for byte); only a client of a suspended tenant learns that it is suspended.
 */
class OAuthEndpointsIT {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static String tenant;
    private static Agents.ApiKey key;
    private static String base;

    @BeforeAll
    static void securedTenant() {
        tenant = McpTenants.secured();
        key = Agents.apiKey(tenant, "demo.write", "demo.read");
        base = BerthNodes.https().toString();
    }

    @AfterAll
    static void noCredentialInTheLogs() {
        UsedCredentials.assertNoneLogged();
    }

    private static Http.Response token(String form, String... headers) {
        return Agents.tokenRequest(BerthNodes.nodeA(), tenant, form, headers);
    }

    private static void assertError(Http.Response r, int status, String error) {
        assertEquals(status, r.status(), r.body());
        assertEquals(error, r.json().getString("error"), r.body());
        assertEquals("no-store", r.header("Cache-Control").orElse(""));
        assertFalse(r.body().contains(key.secret()), "the secret is never echoed");
    }

    @Test
    void clientCredentialsByBasicOrInTheForm() {
        Http.Response basic = token("grant_type=client_credentials&scope=demo.read", Agents.basic(key));
        assertEquals(200, basic.status(), basic.body());
        JsonObject issued = basic.json();
        UsedCredentials.note(issued.getString("access_token"));
        assertEquals("Bearer", issued.getString("token_type"));
        assertEquals(900, issued.getInt("expires_in"));
        assertEquals("demo.read", issued.getString("scope"));
        assertEquals("no-store", basic.header("Cache-Control").orElse(""));
        JsonObject claims = Jwts.payload(issued.getString("access_token"));
        assertEquals(base + "/t/" + tenant, claims.getString("iss"));
        assertEquals(base + "/t/" + tenant + "/mcp", claims.getString("aud"));
        assertEquals(key.id(), claims.getString("sub"));

        Http.Response post = token("grant_type=client_credentials&client_id=" + key.id() + "&client_secret="
                + Agents.form(key.secret()) + "&resource=" + Agents.form(base + "/t/" + tenant + "/mcp"));
        assertEquals(200, post.status(), post.body());
        UsedCredentials.note(post.json().getString("access_token"));
        assertEquals("demo.read demo.write", post.json().getString("scope"), "no scope asked: all of the key's");
    }

    @Test
    void refusalsFollowRfc6749() {
        Agents.ApiKey wrong = new Agents.ApiKey(tenant, key.id(), key.secret().substring(0, key.secret().length() - 2)
                + "xx");
        Http.Response badBasic = token("grant_type=client_credentials", Agents.basic(wrong));
        assertError(badBasic, 401, "invalid_client");
        assertTrue(badBasic.header("WWW-Authenticate").orElse("").startsWith("Basic "), "a Basic challenge");
        Http.Response badForm = token("grant_type=client_credentials&client_id=" + key.id() + "&client_secret=nope");
        assertError(badForm, 401, "invalid_client");
        assertFalse(badForm.header("WWW-Authenticate").isPresent());
        assertError(token("grant_type=client_credentials"), 401, "invalid_client");

        assertError(token("grant_type=password", Agents.basic(key)), 400, "unsupported_grant_type");
        assertError(token("scope=demo.read", Agents.basic(key)), 400, "invalid_request");
        assertError(token("grant_type=client_credentials&scope=admin", Agents.basic(key)), 400, "invalid_scope");
        assertError(token("grant_type=client_credentials&resource=" + Agents.form(base + "/t/other/mcp"),
                Agents.basic(key)), 400, "invalid_target");
        assertError(token("grant_type=client_credentials&grant_type=client_credentials", Agents.basic(key)), 400,
                "invalid_request");

        URI endpoint = BerthNodes.nodeA().resolve("/t/" + tenant + "/oauth/token");
        assertError(Http.send("POST", URI.create(endpoint + "?grant_type=client_credentials"), FORM, "",
                Agents.basic(key)), 400, "invalid_request");
        assertError(Http.send("POST", endpoint, "application/json", "{}", Agents.basic(key)), 400,
                "invalid_request");
        Http.Response get = Http.get(endpoint);
        assertEquals(405, get.status());
        assertEquals("POST", get.header("Allow").orElse(""));

        Agents.ApiKey peerKey = Agents.apiKey(McpTenants.peer());
        assertError(token("grant_type=client_credentials", Agents.basic(peerKey)), 401, "invalid_client");
    }

    @Test
    void revocationByTheClient() {
        URI revoke = BerthNodes.nodeA().resolve("/t/" + tenant + "/oauth/revoke");
        assertEquals(200, Http.send("POST", revoke, FORM, "token=not-a-token", Agents.basic(key)).status(),
                "an unknown token is a success (RFC 7009 §2.2)");
        Http.Response noClient = Http.send("POST", revoke, FORM, "token=x");
        assertError(noClient, 401, "invalid_client");

        Agents.ApiKey other = Agents.apiKey(tenant);
        String othersToken = Agents.token(other);
        assertError(Agents.revoke(BerthNodes.nodeA(), key, othersToken), 401, "invalid_client");
        Http.Response own = Agents.revoke(BerthNodes.nodeA(), other, othersToken);
        assertEquals(200, own.status(), own.body());
        assertEquals("no-store", own.header("Cache-Control").orElse(""));
    }

    @Test
    void jwksPublishesPublicKeysOnly() {
        Http.Response r = Http.get(BerthNodes.nodeA().resolve("/t/" + tenant + "/oauth/jwks"));
        assertEquals(200, r.status());
        JsonObject first = r.json().getJsonArray("keys").getJsonObject(0);
        assertEquals("EC", first.getString("kty"));
        assertEquals("P-256", first.getString("crv"));
        assertFalse(first.containsKey("d"), "no private part");
        String kid = Jwts.headerOf(Agents.token(key)).getString("kid");
        assertTrue(r.json().getJsonArray("keys").stream().anyMatch(k -> k.asJsonObject().getString("kid").equals(kid)),
                "the key that signs tokens is published: " + r.body());
        assertTrue(r.header("Cache-Control").orElse("").startsWith("public"));
    }

    @Test
    void discoveryDocuments() {
        JsonObject prm = Http.get(BerthNodes.nodeA().resolve("/.well-known/oauth-protected-resource/t/" + tenant
                + "/mcp")).json();
        assertEquals(base + "/t/" + tenant + "/mcp", prm.getString("resource"));
        assertTrue(prm.getJsonArray("authorization_servers").toString().contains("\"" + base + "/t/" + tenant
                + "\""), prm.toString());
        assertTrue(prm.getJsonArray("scopes_supported").toString().contains("\"demo.write\""), prm.toString());
        assertEquals("[\"header\"]", prm.getJsonArray("bearer_methods_supported").toString());

        Http.Response asr = Http.get(BerthNodes.nodeA().resolve("/.well-known/oauth-authorization-server/t/" + tenant));
        assertEquals(200, asr.status());
        JsonObject as = asr.json();
        assertEquals(base + "/t/" + tenant, as.getString("issuer"));
        assertEquals(base + "/t/" + tenant + "/oauth/token", as.getString("token_endpoint"));
        assertEquals(base + "/t/" + tenant + "/oauth/jwks", as.getString("jwks_uri"));
        assertEquals(base + "/t/" + tenant + "/oauth/revoke", as.getString("revocation_endpoint"));
        assertEquals("[\"client_credentials\"]", as.getJsonArray("grant_types_supported").toString());

        // The 401 challenge names the PRM document by its public address; on this node it is the same path.
        Http.Response challenge = Http.send("POST", BerthNodes.nodeA().resolve("/t/" + tenant + "/mcp"),
                "application/json", "{}");
        String header = challenge.header("WWW-Authenticate").orElseThrow();
        String url = header.substring(header.indexOf("resource_metadata=\"") + 19);
        url = url.substring(0, url.indexOf('"'));
        assertEquals(200, Http.get(BerthNodes.nodeA().resolve(URI.create(url).getPath())).status(), url);
    }

    @Test
    void unknownAndSuspendedTenantsAreServedTheirDocumentsAndRefuseOtherClients() {
        String ghost = OperatorClient.uniqueTenantId("ghost");
        String paused = OperatorClient.uniqueTenantId("paused");
        OperatorClient operator = new OperatorClient(BerthNodes.nodeA());
        assertEquals(201, operator.create(paused, "Paused").status());
        Agents.ApiKey own = Agents.apiKey(paused);
        String ownToken = Agents.token(own);
        assertEquals(200, operator.suspend(paused).status());
        for (String t : new String[] {ghost, paused}) {
            for (String path : new String[] {"/.well-known/oauth-protected-resource/t/" + t + "/mcp",
                    "/.well-known/oauth-authorization-server/t/" + t, "/t/" + t + "/oauth/jwks"}) {
                Http.Response r = Http.get(BerthNodes.nodeA().resolve(path));
                assertEquals(200, r.status(), path);
            }
            assertError(Agents.tokenRequest(BerthNodes.nodeA(), t, "grant_type=client_credentials",
                    Agents.basic(key)), 401, "invalid_client");
        }
        assertEquals(404, Http.get(BerthNodes.nodeA().resolve("/.well-known/oauth-protected-resource/t/"
                + tenant + "/elsewhere")).status());
        assertEquals(404, Http.get(BerthNodes.nodeA().resolve("/.well-known/oauth-protected-resource/t/NOT-A-SLUG"
                + "/mcp")).status());
        assertEquals(404, Http.get(BerthNodes.nodeA().resolve("/.well-known/openid-configuration")).status());

        Http.Response token = Agents.tokenRequest(BerthNodes.nodeA(), paused, "grant_type=client_credentials",
                Agents.basic(own));
        assertEquals(403, token.status(), "no tokens at a suspended tenant, and its own client may know why");
        assertEquals("urn:berth:problem:tenant-suspended", token.json().getString("type"));
        Http.Response revoked = Agents.revoke(BerthNodes.nodeA(), own, ownToken);
        assertEquals(403, revoked.status(), revoked.body());
        assertEquals("urn:berth:problem:tenant-suspended", revoked.json().getString("type"));
    }
}
