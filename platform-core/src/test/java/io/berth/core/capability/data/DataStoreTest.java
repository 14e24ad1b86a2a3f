package io.berth.core.capability.data;

import io.berth.core.capability.TestTenants;
import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;
import io.berth.sdk.DataEntry;
import io.berth.sdk.DataPage;
import io.berth.sdk.DataStore;
import io.berth.sdk.QuotaExceededException;
import io.berth.sdk.ToolException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data store's contract: versions, compare-and-set, time to live, quota, key rules and listing. */
class DataStoreTest {

    private Jdbc jdbc;
    private MutableClock clock;
    private PluginData data;
    private DataStore store;

    @BeforeEach
    void database() {
        jdbc = MigratedH2.create();
        TestTenants.create(jdbc, "acme");
        clock = new MutableClock();
        data = PluginData.of(jdbc, DataConfig.of(200, 5, 100), clock);
        store = data.store("acme", "notes.jar");
    }

    @AfterEach
    void close() {
        MigratedH2.shutdown(jdbc);
    }

    @Test
    void putReturnsTheStoredEntryWithANewVersionEachTime() throws Exception {
        DataEntry first = store.put("k", "one");
        DataEntry second = store.put("k", "two");
        assertEquals("two", store.get("k").orElseThrow().value());
        assertEquals(second.version(), store.get("k").orElseThrow().version());
        assertTrue(second.version() > first.version());
    }

    @Test
    void versionsAreNeverReusedAfterDeleteAndRecreate() throws Exception {
        DataEntry before = store.put("k", "v");
        store.delete("k");
        DataEntry after = store.put("k", "v");
        assertNotEquals(before.version(), after.version());
        assertTrue(store.compareAndSet("k", before.version(), "x", null).isEmpty());
    }

    @Test
    void putIfAbsentKeepsWhatIsThere() throws Exception {
        assertTrue(store.putIfAbsent("k", "first", null).isPresent());
        assertTrue(store.putIfAbsent("k", "second", null).isEmpty());
        assertEquals("first", store.get("k").orElseThrow().value());
    }

    @Test
    void compareAndSetSucceedsOnlyOnTheVersionRead() throws Exception {
        DataEntry read = store.put("k", "v1");
        Optional<DataEntry> won = store.compareAndSet("k", read.version(), "v2", null);
        assertTrue(won.isPresent());
        assertTrue(store.compareAndSet("k", read.version(), "v3", null).isEmpty(), "stale version");
        assertEquals("v2", store.get("k").orElseThrow().value());
        assertTrue(store.compareAndSet("missing", 1, "x", null).isEmpty(), "absent entry");
    }

    @Test
    void expiredEntriesAreInvisibleAndCountAsAbsent() throws Exception {
        DataEntry e = store.put("session", "s", Duration.ofSeconds(30));
        assertEquals(clock.instant().plusSeconds(30), e.expiresAt());
        clock.advance(Duration.ofSeconds(29));
        assertTrue(store.get("session").isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(store.get("session").isEmpty());
        assertEquals(0, store.list("", 10, null).entries().size());
        assertTrue(store.compareAndSet("session", e.version(), "late", null).isEmpty());
        assertTrue(store.putIfAbsent("session", "again", null).isPresent());
        assertNull(store.get("session").orElseThrow().expiresAt());
    }

    @Test
    void ttlOutOfRangeIsRefused() {
        assertThrows(ToolException.class, () -> store.put("k", "v", Duration.ofMillis(500)));
        assertThrows(ToolException.class, () -> store.put("k", "v", Duration.ofDays(4000)));
    }

    @Test
    void entryQuotaRefusesTheWriteAndChangesNothing() throws Exception {
        for (int i = 0; i < 5; i++) {
            store.put("k" + i, "v");
        }
        QuotaExceededException e = assertThrows(QuotaExceededException.class, () -> store.put("k5", "v"));
        assertTrue(e.getMessage().contains("5 entries"), e.getMessage());
        assertTrue(store.get("k5").isEmpty());
        store.put("k0", "replacing needs no new entry");
        assertEquals(5, data.usage("acme").entries());
    }

    @Test
    void byteQuotaCountsKeysAndValuesInUtf8() throws Exception {
        store.put("a", "x".repeat(99)); // 100 bytes
        store.put("b", "é".repeat(49)); // 1 + 98 = 99 bytes
        assertEquals(199, data.usage("acme").bytes());
        QuotaExceededException e = assertThrows(QuotaExceededException.class, () -> store.put("c", "zz"));
        assertTrue(e.getMessage().contains("only 1 of"), e.getMessage());
        store.put("a", "short"); // shrinking is always allowed
        assertEquals(105, data.usage("acme").bytes());
        store.delete("b");
        assertEquals(6, data.usage("acme").bytes());
    }

    @Test
    void expiredEntriesGiveTheirRoomBackWhenItIsNeeded() throws Exception {
        for (int i = 0; i < 5; i++) {
            store.put("t" + i, "v", Duration.ofSeconds(10));
        }
        clock.advance(Duration.ofSeconds(11));
        store.put("fresh", "v");
        assertEquals(1, data.usage("acme").entries());
    }

    @Test
    void aValueAboveTheCapIsRefused() {
        QuotaExceededException e = assertThrows(QuotaExceededException.class,
                () -> store.put("big", "x".repeat(101)));
        assertTrue(e.getMessage().contains("at most 100 bytes"), e.getMessage());
    }

    @Test
    void theOperatorsQuotaReplacesTheDefault() throws Exception {
        data.setQuota("acme", null, 1L, null);
        store.put("only", "one");
        assertThrows(QuotaExceededException.class, () -> store.put("two", "x"));
        assertEquals(new DataQuota(200, 1), data.quota("acme").effective(data.defaultQuota()));
        assertThrows(PluginData.QuotaVersionMismatch.class, () -> data.setQuota("acme", null, 9L, 0L));
        assertEquals(2, data.setQuota("acme", null, null, 1L).version());
    }

    @Test
    void invalidKeysValuesAndCursorsAreRefused() {
        for (String bad : new String[] {"", "with space", "ünï", "semi;colon", "%", "x".repeat(257), null}) {
            assertThrows(ToolException.class, () -> store.put(bad, "v"), String.valueOf(bad));
        }
        assertThrows(ToolException.class, () -> store.put("k", "nul\u0000"));
        assertThrows(ToolException.class, () -> store.put("k", "half \ud800 pair"));
        assertThrows(ToolException.class, () -> store.put("k", null));
        assertThrows(ToolException.class, () -> store.list("", 0, null));
        assertThrows(ToolException.class, () -> store.list("", 101, null));
        assertThrows(ToolException.class, () -> store.list("", 10, "not a cursor"));
        assertThrows(ToolException.class, () -> store.list("%", 10, null));
    }

    @Test
    void listPagesInKeyOrderWithinThePrefix() throws Exception {
        data.setQuota("acme", null, 100L, null);
        DataStore big = PluginData.of(jdbc, DataConfig.of(100_000, 100, 1000), clock).store("acme", "notes.jar");
        for (String k : List.of("n/c", "n/a", "n/e", "n/b", "n/d", "o/a", "n_x", "nax")) {
            big.put(k, "v-" + k);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            DataPage page = big.list("n/", 2, cursor);
            assertTrue(page.entries().size() <= 2);
            page.entries().forEach(e -> seen.add(e.key()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(List.of("n/a", "n/b", "n/c", "n/d", "n/e"), seen);
        assertEquals(List.of("n_x"), big.list("n_", 10, null).entries().stream().map(DataEntry::key).toList(),
                "_ in a prefix is not a wildcard");
        DataPage all = big.list("", 100, null);
        assertFalse(all.next().isPresent());
        assertEquals(8, all.entries().size());
    }
}
