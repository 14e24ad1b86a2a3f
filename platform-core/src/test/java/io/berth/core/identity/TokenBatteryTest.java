package io.berth.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.apikey.IssuedApiKey;
import io.berth.core.cluster.ClusterMember;
import io.berth.core.cluster.TestClusterMembers;
import io.berth.core.identity.TokenRejected.Reason;
import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The token battery of the identity issue against the real verifier (H2 with the real migrations, a real Hazelcast
 * member): every bad token refused with its own reason, a good one accepted.
 */
class TokenBatteryTest {

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
        key = node.apiKey("acme", "crm.read", "files");
    }

    @AfterAll
    static void stop() {
        TestClusterMembers.stop(member);
        MigratedH2.shutdown(jdbc);
    }

    private static Reason refused(String token) {
        Verification v = node.verifier.verify("acme", token);
        return assertInstanceOf(TokenRejected.class, v, "accepted, expected a refusal").reason();
    }

    private static String kid() {
        return node.keys.signing().kid();
    }

    private static PrivateKey berthKey() {
        return node.keys.signing().privateKey();
    }

    private static String berthSigned(JwtClaims claims) {
        return Jwts.sign(claims, "ES256", kid(), "at+jwt", berthKey());
    }

    @Test
    void aValidTokenIsAcceptedWithItsPrincipalAndScopes() throws Exception {
        String token = node.token(key);
        VerifiedToken t = assertInstanceOf(VerifiedToken.class, node.verifier.verify("acme", token));
        assertEquals(new AgentPrincipal("acme", IdentityNode.BASE + "/t/acme", key.id()), t.principal());
        assertEquals(key.id(), t.clientId());
        assertEquals(key.id(), t.apiKeyId());
        assertEquals(Set.of("crm.read", "files"), t.scopes());
        assertTrue(t.berthIssued());
        assertEquals(Jwts.claims(token).get("jti"), t.jti());
        // The second time comes from the cache, and is the same answer.
        assertEquals(t, node.verifier.verify("acme", token));
        assertEquals(t, node.verifier.verifyAuthorization("acme", List.of("Bearer " + token).iterator()));
    }

    @Test
    void noTokenIsMissing() {
        assertEquals(Reason.MISSING, refused(null));
        assertEquals(Reason.MISSING, refused(""));
        assertEquals(Reason.MISSING, ((TokenRejected) node.verifier.verifyAuthorization("acme",
                List.<String>of().iterator())).reason());
        assertEquals(Reason.MISSING, ((TokenRejected) node.verifier.verifyAuthorization("acme",
                List.of("Basic Zm9vOmJhcg==").iterator())).reason());
        assertEquals(Reason.INVALID_REQUEST, ((TokenRejected) node.verifier.verifyAuthorization("acme",
                List.of("Bearer a", "Bearer b").iterator())).reason());
    }

    @Test
    void malformedTokensOfEveryShapeAreMalformed() throws Exception {
        String good = node.token(key);
        String[] parts = good.split("\\.");
        List<String> shapes = List.of(
                "abc",
                "a.b",
                "a.b.c.d",
                "..",
                ".e30.c2ln",
                "!!!.@@@.###",
                parts[0] + "." + parts[1] + "." + parts[2] + ".",
                Jwts.b64("not json") + "." + parts[1] + "." + parts[2],
                parts[0] + "." + Jwts.b64("[1,2]") + "." + parts[2],
                parts[0] + "." + Jwts.b64("{\"iss\":") + "." + parts[2],
                parts[0] + "." + parts[1] + ".",
                good + " ",
                "é" + good,
                "x".repeat(BearerHeader.MAX_TOKEN_CHARS + 1));
        for (String shape : shapes) {
            assertEquals(Reason.MALFORMED, refused(shape), () -> "shape " + shape.substring(0,
                    Math.min(shape.length(), 40)));
        }
    }

    @Test
    void anExpiredTokenIsExpired() {
        Instant past = Instant.now().minusSeconds(3600);
        assertEquals(Reason.EXPIRED, refused(berthSigned(Jwts.berthClaims("acme", past))));
    }

    @Test
    void aTokenWithinTheClockSkewAfterExpiryStillPasses() {
        JwtClaims c = Jwts.berthClaims("acme", Instant.now().minusSeconds(900 + 10));
        assertInstanceOf(VerifiedToken.class, node.verifier.verify("acme", berthSigned(c)));
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        Instant future = Instant.now().plusSeconds(600);
        assertEquals(Reason.NOT_YET_VALID, refused(berthSigned(Jwts.berthClaims("acme", future))));
        JwtClaims nbf = Jwts.berthClaims("acme", Instant.now());
        nbf.setNotBefore(NumericDate.fromSeconds(Instant.now().plusSeconds(300).getEpochSecond()));
        assertEquals(Reason.NOT_YET_VALID, refused(berthSigned(nbf)));
    }

    @Test
    void aWrongIssuerIsRefused() throws Exception {
        JwtClaims c = Jwts.berthClaims("acme", Instant.now());
        c.setIssuer("https://evil.example/t/acme");
        assertEquals(Reason.WRONG_ISSUER, refused(berthSigned(c)));
        // A real token of another tenant names that tenant's issuer.
        IssuedApiKey otherKey = node.apiKey("other", "crm.read");
        String otherToken = node.token(otherKey);
        assertInstanceOf(VerifiedToken.class, node.verifier.verify("other", otherToken));
        assertEquals(Reason.WRONG_ISSUER, refused(otherToken));
    }

    @Test
    void anotherTenantsAudienceIsRefused() {
        JwtClaims c = Jwts.berthClaims("acme", Instant.now());
        c.setAudience(IdentityNode.BASE + "/t/other/mcp");
        assertEquals(Reason.WRONG_AUDIENCE, refused(berthSigned(c)));
        JwtClaims none = Jwts.berthClaims("acme", Instant.now());
        none.unsetClaim("aud");
        assertEquals(Reason.WRONG_AUDIENCE, refused(berthSigned(none)));
        JwtClaims otherTenantClaim = Jwts.berthClaims("acme", Instant.now());
        otherTenantClaim.setClaim("tenant", "other");
        assertEquals(Reason.WRONG_AUDIENCE, refused(berthSigned(otherTenantClaim)));
    }

    @Test
    void algNoneIsRefused() {
        JwtClaims c = Jwts.berthClaims("acme", Instant.now());
        assertEquals(Reason.UNSUPPORTED_ALGORITHM,
                refused(Jwts.unsigned("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + kid() + "\"}", c)));
        assertEquals(Reason.UNSUPPORTED_ALGORITHM,
                refused(Jwts.unsigned("{\"alg\":\"None\",\"typ\":\"at+jwt\"}", c)));
        assertEquals(Reason.MALFORMED, refused(Jwts.unsigned("{\"typ\":\"at+jwt\"}", c)));
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() {
        byte[] publicKey = node.keys.find(kid()).orElseThrow().getEncoded();
        String forged = Jwts.sign(Jwts.berthClaims("acme", Instant.now()), "HS256", kid(), "at+jwt",
                new HmacKey(publicKey));
        assertEquals(Reason.UNSUPPORTED_ALGORITHM, refused(forged));
        // Also with the public key as the JWKS shows it.
        String x = node.keys.jwks().getJsonArray("keys").getJsonObject(0).toString();
        String forgedJwk = Jwts.sign(Jwts.berthClaims("acme", Instant.now()), "HS256", kid(), "at+jwt",
                new HmacKey(x.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(Reason.UNSUPPORTED_ALGORITHM, refused(forgedJwk));
    }

    @Test
    void rs256OnBerthsIssuerIsRefused() {
        KeyPair rsa = Jwts.rsaKeyPair();
        assertEquals(Reason.UNSUPPORTED_ALGORITHM, refused(Jwts.sign(Jwts.berthClaims("acme", Instant.now()),
                "RS256", kid(), "at+jwt", rsa.getPrivate())));
    }

    @Test
    void anUnknownKidIsRefused() {
        KeyPair stranger = Jwts.ecKeyPair();
        assertEquals(Reason.UNKNOWN_KEY, refused(Jwts.sign(Jwts.berthClaims("acme", Instant.now()), "ES256",
                "0123456789abcdef", "at+jwt", stranger.getPrivate())));
        assertEquals(Reason.UNKNOWN_KEY, refused(Jwts.sign(Jwts.berthClaims("acme", Instant.now()), "ES256",
                null, "at+jwt", stranger.getPrivate())));
        // A known kid does not make a stranger's signature valid.
        assertEquals(Reason.BAD_SIGNATURE, refused(Jwts.sign(Jwts.berthClaims("acme", Instant.now()), "ES256",
                kid(), "at+jwt", stranger.getPrivate())));
    }

    @Test
    void aTamperedPayloadIsRefusedEvenAfterTheOriginalWasCached() throws Exception {
        String token = node.token(node.apiKey("acme", "crm.read"));
        assertInstanceOf(VerifiedToken.class, node.verifier.verify("acme", token));
        String payload = Jwts.payloadJson(token);
        assertTrue(payload.contains("\"scope\":\"crm.read\""));
        String tampered = Jwts.withPayload(token, payload.replace("\"scope\":\"crm.read\"", "\"scope\":\"crm\""));
        assertEquals(Reason.BAD_SIGNATURE, refused(tampered));
        String longer = Jwts.withPayload(token, payload.replace("\"exp\":", "\"exp\":9"));
        assertEquals(Reason.BAD_SIGNATURE, refused(longer));
    }

    @Test
    void aWrongTypeIsRefused() {
        assertEquals(Reason.WRONG_TYPE, refused(Jwts.sign(Jwts.berthClaims("acme", Instant.now()), "ES256", kid(),
                null, berthKey())));
        assertEquals(Reason.WRONG_TYPE, refused(Jwts.sign(Jwts.berthClaims("acme", Instant.now()), "ES256", kid(),
                "JWT", berthKey())));
        assertInstanceOf(VerifiedToken.class, node.verifier.verify("acme", Jwts.sign(
                Jwts.berthClaims("acme", Instant.now()), "ES256", kid(), "application/at+jwt", berthKey())));
    }

    @Test
    void missingClaimsAreRefused() {
        for (String claim : List.of("jti", "exp", "iat", "sub", "client_id")) {
            JwtClaims c = Jwts.berthClaims("acme", Instant.now());
            c.unsetClaim(claim);
            assertEquals(Reason.MISSING_CLAIM, refused(berthSigned(c)), claim);
        }
        JwtClaims wrongType = Jwts.berthClaims("acme", Instant.now());
        wrongType.setClaim("exp", "tomorrow");
        assertEquals(Reason.MALFORMED, refused(berthSigned(wrongType)));
    }

    @Test
    void aRevokedJtiIsRefusedAtOnceThoughItWasCached() throws Exception {
        String token = node.token(node.apiKey("acme", "crm.read"));
        VerifiedToken t = assertInstanceOf(VerifiedToken.class, node.verifier.verify("acme", token));
        node.revocations.revoke("acme", t.jti(), t.expiresAt());
        assertEquals(Reason.REVOKED, refused(token));
        node.verifier.clearCache();
        assertEquals(Reason.REVOKED, refused(token));
    }

    @Test
    void aRevokedApiKeyRefusesItsTokensAndGetsNoNewOnes() throws Exception {
        IssuedApiKey k = node.apiKey("acme", "crm.read");
        String token = node.token(k);
        assertInstanceOf(VerifiedToken.class, node.verifier.verify("acme", token));
        assertTrue(node.revocations.revokeClient("acme", k.id()));
        assertEquals(Reason.CLIENT_REVOKED, refused(token));
        OAuthException e = org.junit.jupiter.api.Assertions.assertThrows(OAuthException.class, () -> node.token(k));
        assertEquals(OAuthError.INVALID_CLIENT, e.error());
        assertFalse(node.revocations.revokeClient("other", k.id()), "a key is revoked only by its own tenant");
    }

    @Test
    void aMissingScopeIsAForbiddenChallengeNamingEveryNeededScope() throws Exception {
        String token = node.tokenFor(key, "crm.read").accessToken();
        VerifiedToken t = assertInstanceOf(VerifiedToken.class, node.verifier.verify("acme", token));
        Set<String> needed = Set.of("crm.read", "crm.write");
        assertFalse(Scopes.allows(t.scopes(), needed));
        assertEquals(Set.of("crm.write"), Scopes.missing(t.scopes(), needed));
        assertTrue(Scopes.allows(t.scopes(), Set.of("crm.read")));
        String challenge = Challenges.insufficientScope(node.uris.protectedResourceMetadata("acme"),
                List.of("crm.read", "crm.write"), null);
        assertEquals("Bearer error=\"insufficient_scope\", scope=\"crm.read crm.write\", resource_metadata=\""
                + IdentityNode.BASE + "/.well-known/oauth-protected-resource/t/acme/mcp\"", challenge);
    }

    @Test
    void callersLearnNothingSpecific() {
        for (Reason r : Reason.values()) {
            String d = TokenRejected.of(r).description();
            assertFalse(d.contains("kid") || d.contains("signature") || d.contains("aud"), d);
        }
        assertEquals(TokenRejected.of(Reason.EXPIRED).description(), TokenRejected.of(Reason.BAD_SIGNATURE)
                .description());
    }
}
