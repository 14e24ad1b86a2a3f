package io.berth.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.apikey.IssuedApiKey;
import io.berth.core.cluster.ClusterMember;
import io.berth.core.cluster.TestClusterMembers;
import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The client credentials grant on API keys, and its RFC 6749 / RFC 8707 errors. */
class TokenIssuerTest {

    private static Jdbc jdbc;
    private static ClusterMember member;
    private static IdentityNode node;
    private static IssuedApiKey key;

    @BeforeAll
    static void start() {
        jdbc = MigratedH2.create();
        IdentityNode.createTenant(jdbc, "acme");
        IdentityNode.createTenant(jdbc, "other");
        member = TestClusterMembers.start("identity-" + UUID.randomUUID(), List.of());
        node = new IdentityNode(jdbc, member, new MutableClock()).start();
        key = node.apiKey("acme", "crm", "files.read");
    }

    @AfterAll
    static void stop() {
        TestClusterMembers.stop(member);
        MigratedH2.shutdown(jdbc);
    }

    private static TokenRequest request(String grant, String id, String secret, String scope, List<String> resources) {
        return new TokenRequest("acme", grant, new ClientCredentials(id, secret, false), scope, resources);
    }

    private static OAuthError error(Executable call) {
        return assertThrows(OAuthException.class, call).error();
    }

    @Test
    void theTokenCarriesEveryClaimTheIssueNames() throws Exception {
        TokenResponse r = node.tokenFor(key, null);
        assertEquals("Bearer", r.tokenType());
        assertEquals(900, r.expiresIn());
        assertEquals("crm files.read", r.scope());
        String header = new String(Base64.getUrlDecoder().decode(r.accessToken().split("\\.")[0]),
                StandardCharsets.UTF_8);
        assertTrue(header.contains("\"alg\":\"ES256\"") && header.contains("\"typ\":\"at+jwt\"")
                && header.contains("\"kid\":\"" + node.keys.signing().kid() + "\""), header);
        Map<String, Object> c = Jwts.claims(r.accessToken());
        assertEquals(IdentityNode.BASE + "/t/acme", c.get("iss"));
        assertEquals(key.id(), c.get("sub"));
        assertEquals(key.id(), c.get("client_id"));
        assertEquals(IdentityNode.BASE + "/t/acme/mcp", c.get("aud"));
        assertEquals("crm files.read", c.get("scope"));
        assertEquals("acme", c.get("tenant"));
        assertEquals(900L, (Long) c.get("exp") - (Long) c.get("iat"));
        assertTrue(((String) c.get("jti")).matches("[A-Za-z0-9_-]{22}"), "128 random bits");
        assertFalse(r.toString().contains(r.accessToken()));
        assertFalse(r.json().toString().contains("refresh_token"));
    }

    @Test
    void jtisAreUnique() throws Exception {
        assertFalse(Jwts.claims(node.token(key)).get("jti").equals(Jwts.claims(node.token(key)).get("jti")));
    }

    @Test
    void aRequestedSubsetIsGrantedAlsoThroughTheHierarchy() throws Exception {
        assertEquals("files.read", node.tokenFor(key, "files.read").scope());
        assertEquals("crm.read crm.write", node.tokenFor(key, "crm.read  crm.write").scope());
    }

    @Test
    void moreThanTheKeyGrantsIsInvalidScope() {
        assertEquals(OAuthError.INVALID_SCOPE, error(() -> node.tokenFor(key, "crm files")));
        assertEquals(OAuthError.INVALID_SCOPE, error(() -> node.tokenFor(key, "files.write")));
        assertEquals(OAuthError.INVALID_SCOPE, error(() -> node.tokenFor(key, "crm \"x\"")));
    }

    @Test
    void theResourceMustBeTheTenantsMcpUri() throws Exception {
        String mine = IdentityNode.BASE + "/t/acme/mcp";
        node.issuer.issue(request("client_credentials", key.id(), key.secret(), null, List.of(mine)));
        node.issuer.issue(request("client_credentials", key.id(), key.secret(), null,
                List.of("HTTPS://Berth.Test:443/t/acme/mcp/")));
        for (String other : List.of(IdentityNode.BASE + "/t/other/mcp", "https://evil.example/t/acme/mcp",
                IdentityNode.BASE + "/t/acme", mine + "#x", "not a uri")) {
            assertEquals(OAuthError.INVALID_TARGET, error(() -> node.issuer.issue(
                    request("client_credentials", key.id(), key.secret(), null, List.of(mine, other)))), other);
        }
    }

    @Test
    void onlyClientCredentialsIsSupported() {
        assertEquals(OAuthError.UNSUPPORTED_GRANT_TYPE, error(() -> node.issuer.issue(
                request("authorization_code", key.id(), key.secret(), null, List.of()))));
        assertEquals(OAuthError.INVALID_REQUEST, error(() -> node.issuer.issue(
                request(null, key.id(), key.secret(), null, List.of()))));
    }

    @Test
    void badClientsAreInvalidClientWithOneMessage() {
        IssuedApiKey otherTenant = node.apiKey("other", "crm");
        IssuedApiKey second = node.apiKey("acme", "crm");
        List<TokenRequest> bad = List.of(
                request("client_credentials", key.id(), key.secret() + "x", null, List.of()),
                request("client_credentials", key.id(), second.secret(), null, List.of()),
                request("client_credentials", "0000000000000000", key.secret(), null, List.of()),
                request("client_credentials", key.id(), null, null, List.of()),
                new TokenRequest("acme", "client_credentials", new ClientCredentials(otherTenant.id(),
                        otherTenant.secret(), false), null, List.of()));
        for (TokenRequest r : bad) {
            OAuthException e = assertThrows(OAuthException.class, () -> node.issuer.issue(r));
            assertEquals(OAuthError.INVALID_CLIENT, e.error());
            assertEquals(401, e.status());
            assertEquals("Client authentication failed.", e.description());
        }
    }

    @Test
    void clientCredentialsComeFromBasicOrTheFormButNotBoth() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((key.id() + ":" + key.secret())
                .getBytes(StandardCharsets.UTF_8));
        ClientCredentials fromBasic = ClientCredentials.of(basic, null, null);
        assertEquals(new ClientCredentials(key.id(), key.secret(), true), fromBasic);
        assertEquals(new ClientCredentials(key.id(), key.secret(), false),
                ClientCredentials.of(null, key.id(), key.secret()));
        assertEquals(OAuthError.INVALID_REQUEST, error(() -> ClientCredentials.of(basic, key.id(), key.secret())));
        assertEquals(OAuthError.INVALID_REQUEST, error(() -> ClientCredentials.of("Basic !!!", null, null)));
        assertEquals(OAuthError.INVALID_REQUEST, error(() -> ClientCredentials.of("Basic "
                + Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8)), null, null)));
        assertEquals(OAuthError.INVALID_CLIENT, error(() -> ClientCredentials.of(null, null, null)));
        assertFalse(fromBasic.toString().contains(key.secret()));
        TokenResponse r = node.issuer.issue(new TokenRequest("acme", "client_credentials", fromBasic, null, List.of()));
        assertEquals("crm files.read", r.scope());
    }

    @Test
    void errorsAreRfc6749Json() {
        OAuthException e = new OAuthException(OAuthError.INVALID_TARGET, "resource must be x");
        assertEquals("{\"error\":\"invalid_target\",\"error_description\":\"resource must be x\"}", e.json().toString());
        assertEquals(400, e.status());
    }
}
