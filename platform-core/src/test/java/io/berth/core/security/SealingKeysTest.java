package io.berth.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cluster's sealing keys in a real (H2, migrated by Flyway) database; two instances act as two nodes. */
class SealingKeysTest {

    private Jdbc jdbc;

    @BeforeEach
    void database() {
        jdbc = MigratedH2.create();
    }

    @AfterEach
    void dropDatabase() {
        MigratedH2.shutdown(jdbc);
    }

    private SealingKeys node() {
        SealingKeys keys = new SealingKeys();
        keys.jdbc = jdbc;
        return keys;
    }

    private int rows() {
        return jdbc.queryOne("count", "select count(*) as n from sealing_keys", r -> r.getInt("n")).orElseThrow();
    }

    @Test
    void nothingSealsBeforeLoad() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> node().current());
        assertEquals("sealing keys are not loaded", e.getMessage());
    }

    @Test
    void theFirstNodeCreatesAnAes256Key() {
        SealingKeys a = node();
        a.load();
        SealingKeys.Key key = a.current();
        assertTrue(key.kid().matches("[0-9a-f]{16}"), key.kid());
        assertEquals(32, key.secret().length);
        assertEquals(1, rows());
    }

    @Test
    void laterNodesLoadTheSameKeyInsteadOfAddingOne() {
        SealingKeys a = node();
        a.load();
        SealingKeys b = node();
        b.load();
        assertEquals(a.current().kid(), b.current().kid());
        assertTrue(java.util.Arrays.equals(a.current().secret(), b.current().secret()));
        a.load();
        assertEquals(1, rows());
    }

    @Test
    void rotateAddsANewCurrentKeyAndKeepsTheOldOne() {
        SealingKeys a = node();
        a.load();
        SealingKeys.Key old = a.current();
        SealingKeys.Key added = a.rotate();
        assertNotEquals(old.kid(), added.kid());
        assertEquals(added.kid(), a.current().kid());
        assertEquals(old.kid(), a.find(old.kid()).orElseThrow().kid());
        assertEquals(2, rows());
    }

    @Test
    void aKeyAddedByAnotherNodeIsFoundByReloading() {
        SealingKeys a = node();
        a.load();
        SealingKeys b = node();
        b.load();
        SealingKeys.Key added = b.rotate();

        Optional<SealingKeys.Key> found = a.find(added.kid());

        assertEquals(added.kid(), found.orElseThrow().kid());
        assertTrue(java.util.Arrays.equals(added.secret(), found.get().secret()));
        assertEquals(added.kid(), a.current().kid(), "the reload also moves this node to the newest key");
    }

    @Test
    void unknownKidsAreEmpty() {
        SealingKeys a = node();
        a.load();
        assertEquals(Optional.empty(), a.find("0123456789abcdef"));
        assertEquals(Optional.empty(), a.find("not-a-kid"));
        assertEquals(Optional.empty(), a.find(a.current().kid().toUpperCase(java.util.Locale.ROOT)));
        assertEquals(Optional.empty(), a.find(""));
    }

    @Test
    void aKnownKidIsServedWithoutTheDatabase() {
        SealingKeys a = node();
        a.load();
        SealingKeys.Key key = a.current();
        MigratedH2.shutdown(jdbc);
        assertSame(key, a.find(key.kid()).orElseThrow());
        jdbc = MigratedH2.create(); // for @AfterEach
    }

    @Test
    void rotateMakesTheKeyItAddedCurrentEvenIfAnotherNodesClockIsAhead() {
        SealingKeys a = node();
        a.load();
        jdbc.update("other node", "insert into sealing_keys (kid, secret, created_at) values (?, ?, ?)",
                "00000000000000aa", Secrets.random(32), Instant.now().plus(Duration.ofMinutes(5)));

        SealingKeys.Key added = a.rotate();

        assertNotEquals("00000000000000aa", added.kid());
        assertEquals(added.kid(), a.current().kid());
    }
}
