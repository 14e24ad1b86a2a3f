package io.berth.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.apikey.IssuedApiKey;
import io.berth.core.cluster.ClusterMember;
import io.berth.core.cluster.TestClusterMembers;
import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Signing-key rotation by kid: old tokens verify until they can no longer be live, then the old key is dropped. */
class TokenKeyRotationTest {

    private Jdbc jdbc;
    private ClusterMember member;
    private MutableClock clock;
    private IdentityNode node;

    @BeforeEach
    void start() {
        jdbc = MigratedH2.create();
        IdentityNode.createTenant(jdbc, "acme");
        member = TestClusterMembers.start("identity-" + UUID.randomUUID(), List.of());
        clock = new MutableClock();
        node = new IdentityNode(jdbc, member, clock).start();
    }

    @AfterEach
    void stop() {
        TestClusterMembers.stop(member);
        MigratedH2.shutdown(jdbc);
    }

    private int rows() {
        return jdbc.queryOne("count", "select count(*) as n from token_signing_keys", r -> r.getInt("n")).orElseThrow();
    }

    @Test
    void theFirstNodeCreatesOneKeyAndLaterNodesLoadIt() {
        assertEquals(1, rows());
        IdentityNode second = new IdentityNode(jdbc, member, clock);
        second.keys.load();
        assertEquals(1, rows());
        assertEquals(node.keys.signing().kid(), second.keys.signing().kid());
        assertEquals(node.keys.jwks(), second.keys.jwks());
    }

    @Test
    void theJwksIsPublicOnlyEs256AndThePrivateKeyIsSealedAtRest() {
        JsonObject jwk = node.keys.jwks().getJsonArray("keys").getJsonObject(0);
        assertEquals("EC", jwk.getString("kty"));
        assertEquals("P-256", jwk.getString("crv"));
        assertEquals("ES256", jwk.getString("alg"));
        assertEquals("sig", jwk.getString("use"));
        assertEquals(node.keys.signing().kid(), jwk.getString("kid"));
        assertFalse(jwk.containsKey("d"));
        String stored = jdbc.queryOne("key", "select private_key from token_signing_keys", r -> r.getString(
                "private_key")).orElseThrow();
        String pkcs8 = Base64.getEncoder().encodeToString(node.keys.signing().privateKey().getEncoded());
        assertFalse(stored.contains(pkcs8.substring(0, 40)));
        assertTrue(stored.matches("[0-9a-f]{16}\\.[A-Za-z0-9_-]+"), "a Sealer token");
    }

    @Test
    void anOldTokenStillVerifiesAfterRotateAndIsRefusedOnceItsKeyIsDropped() throws Exception {
        IssuedApiKey key = node.apiKey("acme", "crm");
        String before = node.token(key);
        String oldKid = node.keys.signing().kid();

        String newKid = node.keys.rotate();

        assertNotEquals(oldKid, newKid);
        assertEquals(newKid, node.keys.signing().kid());
        assertEquals(List.of(newKid, oldKid), node.keys.kids());
        node.verifier.clearCache();
        assertInstanceOf(VerifiedToken.class, node.verifier.verify("acme", before), "old key still verifies");
        String after = node.token(key);
        assertEquals(newKid, kidOf(after));
        assertInstanceOf(VerifiedToken.class, node.verifier.verify("acme", after));

        // Just before the end of the retention the old key is still published...
        clock.advance(Duration.ofSeconds(node.config.keyRetentionSeconds() - 5));
        assertEquals(List.of(newKid, oldKid), node.keys.kids());
        // ... then dropped: out of the JWKS, out of the database, and its tokens are refused.
        clock.advance(Duration.ofSeconds(10));
        assertEquals(List.of(newKid), node.keys.kids());
        node.keys.load();
        assertEquals(1, rows());
        node.verifier.clearCache();
        TokenRejected r = assertInstanceOf(TokenRejected.class, node.verifier.verify("acme", before));
        assertEquals(TokenRejected.Reason.UNKNOWN_KEY, r.reason());
    }

    @Test
    void aNodeMeetingAKidAddedElsewhereReloadsAndThenSignsWithIt() throws Exception {
        IdentityNode other = new IdentityNode(jdbc, member, clock);
        other.keys.load();
        String newKid = other.keys.rotate();
        IssuedApiKey key = node.apiKey("acme", "crm");
        String fromOther = other.token(key);

        assertInstanceOf(VerifiedToken.class, node.verifier.verify("acme", fromOther));
        assertEquals(newKid, node.keys.signing().kid(), "the reload also moved this node to the new key");
    }

    @Test
    void aNodeThatHasNotSeenTheRotationSwitchesAtItsNextPeriodicReload() throws Exception {
        IdentityNode other = new IdentityNode(jdbc, member, clock);
        other.keys.load();
        String oldKid = node.keys.signing().kid();
        String newKid = other.keys.rotate();
        assertEquals(oldKid, node.keys.signing().kid());
        node.config.keyReloadSeconds = 0;
        Thread.sleep(2);
        assertEquals(newKid, node.keys.signing().kid());
    }

    private static String kidOf(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        return header.replaceAll(".*\"kid\":\"([0-9a-f]+)\".*", "$1");
    }
}
