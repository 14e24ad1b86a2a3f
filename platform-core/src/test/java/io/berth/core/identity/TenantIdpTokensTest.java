package io.berth.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.cluster.ClusterMember;
import io.berth.core.cluster.TestClusterMembers;
import io.berth.core.identity.TokenRejected.Reason;
import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Tokens of a tenant's own identity provider, verified against a JWKS the test serves itself. */
class TenantIdpTokensTest {

    private static final String ACME_MCP = IdentityNode.BASE + "/t/acme/mcp";

    private Jdbc jdbc;
    private ClusterMember member;
    private MutableClock clock;
    private IdentityNode node;
    private TestIdp idp;

    @BeforeEach
    void start() {
        jdbc = MigratedH2.create();
        IdentityNode.createTenant(jdbc, "acme");
        IdentityNode.createTenant(jdbc, "other");
        member = TestClusterMembers.start("identity-" + UUID.randomUUID(), List.of());
        clock = new MutableClock();
        node = new IdentityNode(jdbc, member, clock).start();
        idp = new TestIdp();
    }

    @AfterEach
    void stop() {
        idp.close();
        TestClusterMembers.stop(member);
        MigratedH2.shutdown(jdbc);
    }

    private Verification verify(String token) {
        return node.verifier.verify("acme", token);
    }

    private Reason refused(String token) {
        return assertInstanceOf(TokenRejected.class, verify(token)).reason();
    }

    @Test
    void rs256AndEs256TokensOfATrustedIdpAreAccepted() {
        node.idps.trust("acme", idp.issuer(), idp.jwksUrl(), null, null);
        TestIdp.SigningKey rsa = idp.addKey("rsa-1", "RS256");
        TestIdp.SigningKey ec = idp.addKey("ec-1", "ES256");
        JwtClaims c = idp.claims(ACME_MCP);
        c.setClaim("scope", "crm.read files");
        c.setJwtId("idp-jti-1");

        VerifiedToken t = assertInstanceOf(VerifiedToken.class, verify(idp.sign(c, rsa)));
        assertEquals(new AgentPrincipal("acme", idp.issuer(), "user-42"), t.principal());
        assertEquals("claude-desktop", t.clientId());
        assertEquals(Set.of("crm.read", "files"), t.scopes());
        assertEquals("idp-jti-1", t.jti());
        assertEquals(null, t.apiKeyId());
        assertInstanceOf(VerifiedToken.class, verify(idp.sign(c, ec)));
        assertEquals(1, idp.fetches.get(), "one fetch serves both keys");
    }

    @Test
    void aTenantTheGateDoesNotKnowTrustsNoIdpAndIsNotLookedUp() {
        node.idps.trust("acme", idp.issuer(), idp.jwksUrl(), null, null);
        TestIdp.SigningKey k = idp.addKey("k1", "ES256");
        String token = idp.sign(idp.claims(ACME_MCP), k);
        Verification unknown = node.verifier.verifyAuthorization("acme", List.of("Bearer " + token).iterator(),
                false);
        assertEquals(Reason.WRONG_ISSUER, assertInstanceOf(TokenRejected.class, unknown).reason());
        assertEquals(0, idp.fetches.get());
        assertInstanceOf(VerifiedToken.class, node.verifier.verifyAuthorization("acme",
                List.of("Bearer " + token).iterator(), true));
    }

    @Test
    void aScpArrayClaimIsMappedWhenConfigured() {
        node.idps.trust("acme", idp.issuer(), idp.jwksUrl(), null, "scp");
        TestIdp.SigningKey k = idp.addKey("k1", "RS256");
        JwtClaims c = idp.claims(ACME_MCP);
        c.setStringListClaim("scp", "crm.read", "crm.write");
        c.setClaim("scope", "ignored");
        VerifiedToken t = assertInstanceOf(VerifiedToken.class, verify(idp.sign(c, k)));
        assertEquals(Set.of("crm.read", "crm.write"), t.scopes());
        assertTrue(t.jti().startsWith("sha256:"), "a token without jti is revocable by its hash");
        node.revocations.revoke("acme", t.jti(), t.expiresAt());
        assertEquals(Reason.REVOKED, refused(idp.sign(c, k)));
    }

    @Test
    void anIdpTokenMustNameTheTenantsResourceUnlessAnAudienceIsConfigured() {
        node.idps.trust("acme", idp.issuer(), idp.jwksUrl(), null, null);
        TestIdp.SigningKey k = idp.addKey("k1", "RS256");
        assertEquals(Reason.WRONG_AUDIENCE, refused(idp.sign(idp.claims(IdentityNode.BASE + "/t/other/mcp"), k)));
        assertEquals(Reason.WRONG_AUDIENCE, refused(idp.sign(idp.claims("api://berth"), k)));
        node.idps.trust("acme", idp.issuer(), idp.jwksUrl(), "api://berth", null);
        assertInstanceOf(VerifiedToken.class, verify(idp.sign(idp.claims("api://berth"), k)));
        assertEquals(Reason.WRONG_AUDIENCE, refused(idp.sign(idp.claims(ACME_MCP), k)));
    }

    @Test
    void anIssuerTheTenantDoesNotTrustIsRefusedAndOtherTenantsTrustDoesNotCount() {
        TestIdp.SigningKey k = idp.addKey("k1", "RS256");
        String token = idp.sign(idp.claims(ACME_MCP), k);
        assertEquals(Reason.WRONG_ISSUER, refused(token));
        node.idps.trust("other", idp.issuer(), idp.jwksUrl(), null, null);
        assertEquals(Reason.WRONG_ISSUER, refused(token));
    }

    @Test
    void removingTrustRefusesCachedTokensAtOnce() {
        node.idps.trust("acme", idp.issuer(), idp.jwksUrl(), null, null);
        TestIdp.SigningKey k = idp.addKey("k1", "RS256");
        String token = idp.sign(idp.claims(ACME_MCP), k);
        assertInstanceOf(VerifiedToken.class, verify(token));
        assertTrue(node.idps.remove("acme", idp.issuer()));
        assertEquals(Reason.WRONG_ISSUER, refused(token));
    }

    @Test
    void anUnknownKidFetchesTheJwksAgainButNotMoreOftenThanTheMinimumInterval() {
        node.idps.trust("acme", idp.issuer(), idp.jwksUrl(), null, null);
        TestIdp.SigningKey first = idp.addKey("k1", "ES256");
        assertInstanceOf(VerifiedToken.class, verify(idp.sign(idp.claims(ACME_MCP), first)));
        assertEquals(1, idp.fetches.get());

        TestIdp.SigningKey rotated = idp.addKey("k2", "ES256");
        clock.advance(Duration.ofSeconds(node.config.jwksMinRefreshSeconds() + 1));
        assertInstanceOf(VerifiedToken.class, verify(idp.sign(idp.claims(ACME_MCP), rotated)));
        assertEquals(2, idp.fetches.get());

        TestIdp.SigningKey stranger = new TestIdp.SigningKey("k3", "ES256", Jwts.ecKeyPair());
        for (int i = 0; i < 5; i++) {
            assertEquals(Reason.UNKNOWN_KEY, refused(idp.sign(idp.claims(ACME_MCP), stranger)));
        }
        assertEquals(2, idp.fetches.get(), "made-up kids cannot turn requests into fetches");
        clock.advance(Duration.ofSeconds(node.config.jwksMinRefreshSeconds() + 1));
        for (int i = 0; i < 5; i++) {
            assertEquals(Reason.UNKNOWN_KEY, refused(idp.sign(idp.claims(ACME_MCP), stranger)));
        }
        assertEquals(3, idp.fetches.get(), "one look per interval");
    }

    @Test
    void hmacAndNoneAreRefusedForIdpsToo() {
        node.idps.trust("acme", idp.issuer(), idp.jwksUrl(), null, null);
        TestIdp.SigningKey k = idp.addKey("k1", "RS256");
        byte[] pub = k.pair().getPublic().getEncoded();
        assertEquals(Reason.UNSUPPORTED_ALGORITHM, refused(Jwts.sign(idp.claims(ACME_MCP), "HS256", "k1", "JWT",
                new org.jose4j.keys.HmacKey(pub))));
        assertEquals(Reason.UNSUPPORTED_ALGORITHM, refused(Jwts.unsigned("{\"alg\":\"none\"}",
                idp.claims(ACME_MCP))));
        assertEquals(Reason.UNKNOWN_KEY, refused(Jwts.sign(idp.claims(ACME_MCP), "ES256", "k1", "JWT",
                Jwts.ecKeyPair().getPrivate())), "an RSA kid does not verify ES256");
    }

    @Test
    void anUnreachableIdpIsUnavailableNotInvalidAndStaleKeysServeMeanwhile() {
        node.idps.trust("acme", idp.issuer(), idp.jwksUrl(), null, null);
        TestIdp.SigningKey k = idp.addKey("k1", "RS256");
        String token = idp.sign(idp.claims(ACME_MCP), k);
        assertInstanceOf(VerifiedToken.class, verify(token));
        idp.status = 500;
        clock.advance(Duration.ofSeconds(node.config.jwksTtlSeconds() + 1));
        node.verifier.clearCache();
        assertInstanceOf(VerifiedToken.class, verify(token), "stale keys within jwks-max-stale-seconds");
        clock.advance(Duration.ofSeconds(node.config.jwksMaxStaleSeconds()));
        node.verifier.clearCache();
        assertEquals(Reason.ISSUER_UNAVAILABLE, refused(token));
        assertEquals(503, Reason.ISSUER_UNAVAILABLE.status());
    }

    @Test
    void aKeyThePublisherWithdrawsStopsVerifyingCachedTokensWithinTheJwksCacheTime() {
        node.idps.trust("acme", idp.issuer(), idp.jwksUrl(), null, null);
        TestIdp.SigningKey k = idp.addKey("k1", "RS256");
        String token = idp.sign(idp.claims(ACME_MCP), k);
        assertInstanceOf(VerifiedToken.class, verify(token));
        idp.body = "{\"keys\":[]}";
        clock.advance(Duration.ofSeconds(node.config.jwksTtlSeconds() + 1));
        assertEquals(Reason.UNKNOWN_KEY, refused(token));
    }

    @Test
    void anOversizedOrBrokenJwksIsUnavailable() {
        node.idps.trust("acme", idp.issuer(), idp.jwksUrl(), null, null);
        TestIdp.SigningKey k = idp.addKey("k1", "RS256");
        idp.body = "{\"keys\":[" + " ".repeat(node.config.jwksMaxBytes()) + "]}";
        assertEquals(Reason.ISSUER_UNAVAILABLE, refused(idp.sign(idp.claims(ACME_MCP), k)));
    }

    @Test
    void httpAndPrivateAddressesAreRefusedUnlessConfigured() {
        node.config.allowHttp = false;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> node.idps.trust("acme", idp.issuer(), idp.jwksUrl(), null, null));
        assertTrue(e.getMessage().startsWith("issuer:"));
        node.config.allowHttp = true;
        node.idps.trust("acme", idp.issuer(), idp.jwksUrl(), null, null);
        node.config.allowPrivateAddresses = false;
        TestIdp.SigningKey k = idp.addKey("k1", "RS256");
        assertEquals(Reason.ISSUER_UNAVAILABLE, refused(idp.sign(idp.claims(ACME_MCP), k)));
        assertEquals(0, idp.fetches.get(), "nothing was sent to a loopback address");
    }

    @Test
    void trustIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> node.idps.trust("acme", IdentityNode.BASE + "/t/other",
                idp.jwksUrl(), null, null), "Berth's own issuers are not IdPs");
        assertThrows(IllegalArgumentException.class, () -> node.idps.trust("acme", idp.issuer(), idp.jwksUrl(),
                IdentityNode.BASE + "/t/other/mcp", null), "no audience of another tenant");
        assertThrows(IllegalArgumentException.class, () -> node.idps.trust("acme", idp.issuer(), idp.jwksUrl(),
                null, "scope claim"));
        assertThrows(IllegalArgumentException.class, () -> node.idps.trust("acme", "not a url", idp.jwksUrl(),
                null, null));
        TrustedIssuer t = node.idps.trust("acme", idp.issuer(), idp.jwksUrl(), " ", "");
        assertEquals(new TrustedIssuer("acme", idp.issuer(), idp.jwksUrl(), null, "scope"), t);
        assertEquals(List.of(t), node.idps.list("acme"));
    }
}
