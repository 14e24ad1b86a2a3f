package io.berth.core.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.access.Role;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Rotation: a successor like the key, the old key working for the overlap window only, recorded both ways. */
class ApiKeyRotationTest {

    private static KeyNode node;

    @BeforeAll
    static void start() {
        node = new KeyNode();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @AfterEach
    void realTime() {
        node.later(Duration.ZERO);
    }

    @Test
    void theSuccessorInheritsEverythingAndBothWorkDuringTheOverlap() {
        IssuedApiKey old = node.lifecycle.issue("acme", new ApiKeySpec("ci", Set.of("crm.read"),
                Set.of(Role.DEVELOPER), ApiKeys.Environment.TEST), new ApiKeyExpiry(10L, null, false));
        ApiKeyLifecycle.Rotation r = node.lifecycle.rotate("acme", old.id(), 3600L);
        IssuedApiKey next = r.successor();
        assertTrue(next.secret().startsWith("berth_test_"));
        ApiKeyInfo nextInfo = node.lifecycle.get("acme", next.id());
        assertEquals("ci", nextInfo.name());
        assertEquals(Set.of("crm.read"), nextInfo.scopes());
        assertEquals(Set.of(Role.DEVELOPER), nextInfo.roles());
        assertEquals(old.id(), nextInfo.replaces());
        assertEquals(Duration.ofDays(10), Duration.between(nextInfo.createdAt(), nextInfo.expiresAt()),
                "the old key's lifetime again");
        ApiKeyInfo oldInfo = node.lifecycle.get("acme", old.id());
        assertEquals(next.id(), oldInfo.rotatedTo());
        assertEquals(r.previousEndsAt(), oldInfo.expiresAt());
        assertTrue(node.keys.verify(old.secret()).isPresent());
        assertTrue(node.keys.verify(next.secret()).isPresent());
        node.later(Duration.ofSeconds(3600));
        assertTrue(node.keys.verify(old.secret()).isEmpty(), "the old key ends with the overlap");
        assertTrue(node.keys.verify(next.secret()).isPresent());
    }

    @Test
    void theOverlapNeverExtendsTheOldKeysLife() {
        IssuedApiKey old = node.keys.issue("acme", new ApiKeySpec("soon", Set.of(), Set.of(),
                ApiKeys.Environment.LIVE), Instant.now().plusSeconds(60));
        ApiKeyLifecycle.Rotation r = node.lifecycle.rotate("acme", old.id(), 86_400L);
        assertEquals(old.info().expiresAt(), r.previousEndsAt());
    }

    @Test
    void withoutOverlapTheOldKeyAndItsTokensEndAtOnce() throws Exception {
        IssuedApiKey old = node.issue("acme", "crm");
        String token = node.identity.token(old).accessToken();
        IssuedApiKey next = node.lifecycle.rotate("acme", old.id(), 0L).successor();
        assertTrue(node.keys.verify(old.secret()).isEmpty());
        assertFalse(node.identity.accepted("acme", token), "a token minted from the old key is refused");
        assertTrue(node.identity.accepted("acme", node.identity.token(next).accessToken()));
        ApiKeyInfo oldInfo = node.lifecycle.get("acme", old.id());
        assertEquals(ApiKeyInfo.Status.EXPIRED, oldInfo.status(Instant.now()));
        assertNull(oldInfo.revokedAt(), "rotated, not revoked");
    }

    @Test
    void aTokenMintedDuringTheOverlapEndsWithIt() throws Exception {
        IssuedApiKey old = node.issue("acme");
        node.lifecycle.rotate("acme", old.id(), 300L);
        long expiresIn = node.identity.token(old).expiresIn();
        assertTrue(expiresIn <= 300, "expires_in " + expiresIn);
    }

    @Test
    void revokedExpiredOrRotatedKeysAreNotRotated() {
        IssuedApiKey revoked = node.issue("acme");
        node.lifecycle.revoke("acme", revoked.id());
        IssuedApiKey rotated = node.issue("acme");
        String successor = node.lifecycle.rotate("acme", rotated.id(), 60L).successor().id();
        IssuedApiKey expired = node.keys.issue("acme", new ApiKeySpec("gone", Set.of(), Set.of(),
                ApiKeys.Environment.LIVE), Instant.now().minusSeconds(1));
        assertConflict(revoked.id(), "revoked");
        assertConflict(rotated.id(), successor);
        assertConflict(expired.id(), "expired");
    }

    @Test
    void anOverlapOutsideZeroToTheMaximumIsInvalid() {
        IssuedApiKey k = node.issue("acme");
        for (long overlap : new long[] {-1, node.config.maxOverlapSeconds() + 1}) {
            ApiKeyException e = assertThrows(ApiKeyException.class, () -> node.lifecycle.rotate("acme", k.id(),
                    overlap));
            assertEquals("overlapSeconds", e.field());
        }
        assertTrue(node.keys.verify(k.secret()).isPresent(), "nothing changed");
        assertNull(node.lifecycle.get("acme", k.id()).rotatedTo());
    }

    private static void assertConflict(String keyId, String detail) {
        ApiKeyException e = assertThrows(ApiKeyException.class, () -> node.lifecycle.rotate("acme", keyId, 60L));
        assertEquals(ApiKeyException.Kind.CONFLICT, e.kind());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }
}
