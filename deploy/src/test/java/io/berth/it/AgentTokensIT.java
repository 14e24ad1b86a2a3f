package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every agent request to {@code /t/{tenant}/mcp} carries a bearer token that Berth verifies for that tenant, and a
 * token that is absent, forged, expired, meant for someone else or revoked is refused: 401 (400 for a malformed
 * header) with an RFC 6750 challenge naming the tenant's protected resource metadata and the scopes its tools use, and
 * a JSON-RPC error body that gives nothing away. Tokens come from Berth's token endpoint, from a trusted identity
 * provider this test serves, or are forged here.
 */
class AgentTokensIT {

    private static final JsonObject NO_CAPABILITIES = Json.createObjectBuilder().build();
    private static String tenant;
    private static Agents.ApiKey key;
    private static TestIdp idp;

    @BeforeAll
    static void securedTenant() {
        tenant = McpTenants.secured();
        key = Agents.apiKey(tenant, "demo.write");
        idp = new TestIdp().trustedBy(tenant);
    }

    @AfterAll
    static void noCredentialInTheLogs() {
        if (idp != null) {
            idp.close();
        }
        UsedCredentials.assertNoneLogged();
    }

    private static Http.Response list(String... headers) {
        return listAt(tenant, headers);
    }

    private static Http.Response listAt(String atTenant, String... headers) {
        StatelessClient client = new StatelessClient(BerthNodes.nodeA(), atTenant, NO_CAPABILITIES);
        JsonObject params = Json.createObjectBuilder().build();
        return client.post(client.body(Json.createValue(7), "tools/list", params), concat(headers,
                StatelessClient.routingHeaders("tools/list", params)));
    }

    private static Http.Response withToken(String token) {
        return list(Agents.bearer(token));
    }

    static String resourceMetadata(String t) {
        return BerthNodes.https() + "/.well-known/oauth-protected-resource/t/" + t + "/mcp";
    }

    /** The refusal: status, challenge (error code or none), metadata address, scopes, and a body that says little. */
    static void assertRefused(String what, Http.Response r, int status, String error, String token) {
        assertEquals(status, r.status(), what + ": " + r.body());
        String challenge = r.header("WWW-Authenticate").orElseThrow(() -> new AssertionError(what + ": no challenge"));
        assertTrue(challenge.startsWith("Bearer "), what + ": " + challenge);
        if (error == null) {
            assertFalse(challenge.contains("error="), what + ": " + challenge);
        } else {
            assertTrue(challenge.contains("error=\"" + error + "\""), what + ": " + challenge);
        }
        assertTrue(challenge.contains("resource_metadata=\"" + resourceMetadata(tenant) + "\""), what + ": "
                + challenge);
        assertTrue(challenge.contains("scope=\"demo.write notes.read\""), what
                + ", the scopes the tenant's tools, resources and prompts use: " + challenge);
        JsonObject body = r.json();
        assertEquals(-32600, body.getJsonObject("error").getInt("code"), what + ": " + r.body());
        assertTrue(body.isNull("id"), what + ": nothing of the request was read: " + r.body());
        if (token != null) {
            assertFalse(r.body().contains(token) || challenge.contains(token), what + ": the token is echoed");
            String signature = token.substring(token.lastIndexOf('.') + 1);
            assertFalse(signature.length() >= 16 && (r.body().contains(signature) || challenge.contains(signature)),
                    what + ": part of the token is echoed");
        }
    }

    private static Executable refused(String what, String token) {
        return () -> assertRefused(what, withToken(token), 401, "invalid_token", token);
    }

    @Test
    void aValidTokenIsAccepted() {
        Http.Response r = withToken(Agents.token(key));
        assertEquals(200, r.status(), r.body());
        assertTrue(StatelessClient.result(r).getJsonArray("tools").toString().contains("\"scoped_echo\""), r.body());
    }

    @Test
    void noTokenIsAChallengeWithoutErrorCode() {
        assertRefused("no token", list(), 401, null, null);
        assertRefused("another scheme", list("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((key.id() + ":" + key.secret()).getBytes())), 401, null, null);
    }

    @Test
    void aTokenOutsideTheAuthorizationHeaderCountsForNothing() {
        String token = Agents.token(key);
        StatelessClient client = new StatelessClient(BerthNodes.nodeA(), tenant, NO_CAPABILITIES);
        JsonObject params = Json.createObjectBuilder().build();
        Http.Response r = Http.send("POST", URI.create(client.endpoint() + "?access_token=" + token),
                "application/json", client.body(Json.createValue(7), "tools/list", params).toString(),
                concat(new String[] {"Accept", McpClient.ACCEPT}, StatelessClient.routingHeaders("tools/list", params)));
        assertRefused("token in the query string", r, 401, null, token);
    }

    @Test
    void malformedHeadersAndTokensAreRefused() {
        String good = Agents.token(key);
        assertAll(
                refused("not a JWS", "not-a-token"),
                refused("three parts of garbage", "a.b.c"),
                () -> assertRefused("two Authorization headers", list("Authorization", "Bearer " + good,
                        "Authorization", "Bearer " + good), 400, "invalid_request", good));
    }

    @Test
    void forgedTokensAreRefused() {
        String sub = key.id();
        JsonObject claims = Jwts.berthClaims(tenant, sub, "demo.write").build();
        JsonObject jwks = Http.get(BerthNodes.nodeA().resolve("/t/" + tenant + "/oauth/jwks")).json();
        JsonObject berthKey = jwks.getJsonArray("keys").getJsonObject(0);
        String kid = berthKey.getString("kid");
        PublicKey publicKey = Jwts.publicKey(berthKey);
        String real = Agents.token(key);
        JsonObject elevated = Json.createObjectBuilder(Jwts.payload(real)).add("scope", "demo.write admin").build();
        assertAll(
                refused("alg none", Jwts.unsigned(Jwts.header("none", kid, "at+jwt"), claims)),
                refused("HS256 signed with Berth's public key", Jwts.hs256(publicKey.getEncoded(),
                        Jwts.header("HS256", kid, "at+jwt"), claims)),
                refused("unknown kid", Jwts.es256(Jwts.es256KeyPair().getPrivate(),
                        Jwts.header("ES256", "it-unknown-kid", "at+jwt"), claims)),
                refused("a known kid, another key", Jwts.es256(Jwts.es256KeyPair().getPrivate(),
                        Jwts.header("ES256", kid, "at+jwt"), claims)),
                refused("tampered payload", Jwts.withPayload(real, elevated)));
        assertEquals(200, withToken(real).status(), "the untampered token still works");
    }

    @Test
    void tokensOutsideTheirValidityAreRefused() {
        long now = System.currentTimeMillis() / 1000;
        assertAll(
                refused("expired", idp.sign(idp.claims(tenant, "ada").add("iat", now - 7200).add("exp", now - 3600)
                        .build())),
                refused("not yet valid", idp.sign(idp.claims(tenant, "ada").add("nbf", now + 3600).build())),
                refused("issued in the future", idp.sign(idp.claims(tenant, "ada").add("iat", now + 3600).build())));
        assertEquals(200, withToken(idp.sign(idp.claims(tenant, "ada").build())).status(),
                "the IdP's good token is accepted");
    }

    @Test
    void tokensForSomeoneElseAreRefused() {
        String peer = McpTenants.peer();
        String peerToken = Agents.token(Agents.apiKey(peer, "demo.write"));
        assertEquals(200, listAt(peer, Agents.bearer(peerToken)).status(), "good at its own tenant");
        assertAll(
                refused("a token Berth issued at another tenant", peerToken),
                refused("wrong issuer", idp.sign(idp.claims(tenant, "ada").add("iss", "https://untrusted.it.example")
                        .build())),
                refused("another tenant's audience", idp.sign(idp.claims(tenant, "ada")
                        .add("aud", BerthNodes.https() + "/t/" + peer + "/mcp").build())),
                refused("no audience", idp.sign(Json.createObjectBuilder(idp.claims(tenant, "ada").build())
                        .remove("aud").build())),
                refused("an IdP token under an unknown kid", idp.signWithKid("it-other-kid",
                        idp.claims(tenant, "ada").build())));
    }

    @Test
    void aRevokedTokenIsRefused() {
        String token = Agents.token(key);
        assertEquals(200, withToken(token).status());
        Http.Response revoked = Agents.revoke(BerthNodes.nodeA(), key, token);
        assertEquals(200, revoked.status(), revoked.body());
        assertAll(refused("revoked by its client (RFC 7009)", token));
        assertEquals(200, withToken(Agents.token(key)).status(), "the key's next token is fine");
    }

    @Test
    void tokensOfARevokedApiKeyAreRefused() {
        Agents.ApiKey doomed = Agents.apiKey(tenant, "demo.write");
        String token = Agents.token(doomed);
        assertEquals(200, withToken(token).status());
        Http.Response r = new OperatorClient(BerthNodes.nodeA()).post(BerthNodes.nodeA().resolve(
                "/admin/api/v1/tenants/" + tenant + "/revocations"), "{\"apiKeyId\":\"" + doomed.id() + "\"}");
        assertEquals(204, r.status(), r.body());
        assertAll(refused("issued to a revoked API key", token));
        Http.Response again = Agents.tokenRequest(BerthNodes.nodeA(), tenant, "grant_type=client_credentials",
                Agents.basic(doomed));
        assertEquals(401, again.status(), again.body());
        assertEquals("invalid_client", again.json().getString("error"));
    }

    @Test
    void aBadTokenIsRefusedEvenWhereAnonymousAgentsAreWelcome() {
        String open = McpTenants.fixture();
        assertEquals(200, listAt(open).status(), "no token: the anonymous agent");
        Http.Response r = listAt(open, Agents.bearer("not-a-token"));
        assertEquals(401, r.status(), r.body());
        assertTrue(r.header("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));
        Http.Response foreign = listAt(open, Agents.bearer(Agents.token(key)));
        assertEquals(401, foreign.status(), "a good token of another tenant is no anonymous pass: " + foreign.body());
    }

    private static String[] concat(String[] a, String[] b) {
        List<String> all = new java.util.ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    @Test
    void http2ClientsOverTlsAreCheckedAndServedLikeHttp1Ones() throws Exception {
        // HTTP/2 carries the authority as :authority, not Host: the DNS-rebinding check must read it from there.
        HttpClient h2 = Http.trustingClient();
        URI mcp = BerthNodes.https().resolve("/t/" + tenant + "/mcp");
        String list = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        HttpRequest.Builder request = HttpRequest.newBuilder(mcp).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/list").POST(HttpRequest.BodyPublishers.ofString(list));
        HttpResponse<String> anonymous = h2.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, anonymous.version(), "the client negotiated HTTP/2");
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").contains("resource_metadata="));
        HttpResponse<String> served = h2.send(request.header("Authorization", "Bearer " + Agents.token(key)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, served.statusCode(), served.body());
        assertTrue(served.body().contains("\"result\""), served.body());
    }
}
