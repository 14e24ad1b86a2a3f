package io.berth.core.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.access.Role;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/** Issue, list, read and revoke a tenant's keys on a real database and cluster member. */
class ApiKeyLifecycleTest {

    private static KeyNode node;

    @BeforeAll
    static void start() {
        node = new KeyNode();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void anIssuedKeyCarriesItsRolesScopesAndExpiryAndAuthenticatesAsThem() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        IssuedApiKey k = node.lifecycle.issue("acme", new ApiKeySpec(" ci ", Set.of("crm.read"),
                Set.of(Role.TENANT_ADMIN, Role.AUDITOR), ApiKeys.Environment.TEST), new ApiKeyExpiry(30L, null, false));
        assertTrue(k.secret().matches("berth_test_" + k.id() + "_[A-Za-z0-9_-]{43}"));
        ApiKeyPrincipal p = node.keys.verify(k.secret()).orElseThrow();
        assertEquals(Set.of(Role.TENANT_ADMIN, Role.AUDITOR), p.roles());
        assertEquals(Set.of("crm.read"), p.scopes());
        assertFalse(p.expiresAt().isBefore(before.plus(Duration.ofDays(30))));
        ApiKeyInfo info = node.lifecycle.get("acme", k.id());
        assertEquals("ci", info.name());
        assertEquals(ApiKeys.Environment.TEST, info.environment());
        assertEquals(p.expiresAt(), info.expiresAt());
        assertEquals(ApiKeyInfo.Status.ACTIVE, info.status(Instant.now()));
    }

    @Test
    void withoutAnExpiryAKeyLivesTheDefaultLifetime() {
        IssuedApiKey k = node.issue("acme");
        Instant expected = k.info().createdAt().plus(Duration.ofDays(node.config.defaultLifetimeDays()));
        Duration off = Duration.between(expected, node.lifecycle.get("acme", k.id()).expiresAt()).abs();
        assertTrue(off.compareTo(Duration.ofSeconds(1)) < 0, "off by " + off);
    }

    @Test
    void anExpiredKeyIsRefused() {
        IssuedApiKey k = node.lifecycle.issue("acme", new ApiKeySpec("short", Set.of(), Set.of(),
                ApiKeys.Environment.LIVE), new ApiKeyExpiry(1L, null, false));
        try {
            node.later(Duration.ofDays(1).plusSeconds(1));
            assertTrue(node.keys.verify(k.secret()).isEmpty());
            assertEquals(ApiKeyInfo.Status.EXPIRED, node.lifecycle.get("acme", k.id()).status(
                    Instant.now().plus(Duration.ofDays(2))));
        } finally {
            node.later(Duration.ZERO);
        }
    }

    @Test
    void theListHoldsEveryKeyOfTheTenantAndNoneOfAnother() {
        IssuedApiKey mine = node.issue("acme");
        IssuedApiKey theirs = node.issue("other");
        List<String> ids = node.lifecycle.list("acme").stream().map(ApiKeyInfo::id).toList();
        assertTrue(ids.contains(mine.id()));
        assertFalse(ids.contains(theirs.id()));
    }

    @Test
    void anotherTenantsKeyIdIsNotFoundLikeAnUnknownOne() {
        IssuedApiKey theirs = node.issue("other");
        for (String id : List.of(theirs.id(), "0123456789abcdef", "not a key id")) {
            assertEquals(ApiKeyException.Kind.NOT_FOUND,
                    assertThrows(ApiKeyException.class, () -> node.lifecycle.get("acme", id)).kind());
            assertEquals(ApiKeyException.Kind.NOT_FOUND,
                    assertThrows(ApiKeyException.class, () -> node.lifecycle.revoke("acme", id)).kind());
            assertEquals(ApiKeyException.Kind.NOT_FOUND,
                    assertThrows(ApiKeyException.class, () -> node.lifecycle.rotate("acme", id, 0L)).kind());
        }
        assertTrue(node.keys.verify(theirs.secret()).isPresent(), "the other tenant's key is untouched");
    }

    @Test
    void aRevokedKeyAndEveryTokenMintedFromItAreRefused() throws Exception {
        IssuedApiKey k = node.issue("acme", "crm");
        String token = node.identity.token(k).accessToken();
        assertTrue(node.identity.accepted("acme", token));
        node.lifecycle.revoke("acme", k.id());
        node.lifecycle.revoke("acme", k.id()); // again: still fine
        assertTrue(node.keys.verify(k.secret()).isEmpty());
        assertFalse(node.identity.accepted("acme", token));
        ApiKeyInfo info = node.lifecycle.get("acme", k.id());
        assertNotNull(info.revokedAt());
        assertEquals(ApiKeyInfo.Status.REVOKED, info.status(Instant.now()));
    }

    @Test
    void lastUseIsWrittenOnFirstUseThenAtMostOncePerInterval() {
        IssuedApiKey k = node.issue("acme");
        assertNull(node.lifecycle.get("acme", k.id()).lastUsedAt());
        node.keys.verify(k.secret());
        assertNotNull(node.lifecycle.get("acme", k.id()).lastUsedAt());
        clearLastUse(k);
        node.keys.verify(k.secret());
        assertNull(node.lifecycle.get("acme", k.id()).lastUsedAt(), "no write within the interval");
        try {
            node.later(Duration.ofSeconds(node.config.lastUsedIntervalSeconds()));
            node.keys.verify(k.secret());
            assertNotNull(node.lifecycle.get("acme", k.id()).lastUsedAt(), "written again after the interval");
        } finally {
            node.later(Duration.ZERO);
        }
    }

    @Test
    void aKeyIssuedBeforeEnvironmentsWereStoredLearnsItsOwnOnUse() {
        IssuedApiKey k = node.issue("acme");
        node.jdbc.update("forget", "update api_keys set environment = null where id = ?", k.id());
        assertNull(node.lifecycle.get("acme", k.id()).environment());
        node.keys.verify(k.secret());
        assertEquals(ApiKeys.Environment.LIVE, node.lifecycle.get("acme", k.id()).environment());
    }

    @Test
    void aTokenNeverOutlivesItsKey() throws Exception {
        IssuedApiKey k = node.keys.issue("acme", new ApiKeySpec("brief", Set.of(), Set.of(),
                ApiKeys.Environment.LIVE), Instant.now().plusSeconds(120));
        long expiresIn = node.identity.token(k).expiresIn();
        assertTrue(expiresIn <= 120 && expiresIn > 0, "expires_in " + expiresIn);
    }

    private static void clearLastUse(IssuedApiKey k) {
        node.jdbc.update("clear", "update api_keys set last_used_at = null where id = ?", k.id());
    }
}
