package io.berth.core.capability.data;

import io.berth.core.capability.TestTenants;
import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;
import io.berth.sdk.DataEntry;
import io.berth.sdk.DataStore;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tenant A's plugin cannot see, change, list or delete tenant B's entries: same plugin name, same key. */
class DataStoreIsolationTest {

    private static Jdbc jdbc;
    private static PluginData data;

    @BeforeAll
    static void database() {
        jdbc = MigratedH2.create();
        TestTenants.create(jdbc, "alpha", "bravo");
        data = PluginData.of(jdbc, DataConfig.of(1_000_000, 1000, 65536), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        MigratedH2.shutdown(jdbc);
    }

    @Test
    void sameKeyOfSamePluginIsAnotherEntryForAnotherTenant() throws Exception {
        DataStore a = data.store("alpha", "notes.jar");
        DataStore b = data.store("bravo", "notes.jar");
        a.put("shared/key", "alpha's secret note");

        assertTrue(b.get("shared/key").isEmpty());
        assertEquals(0, b.list("", 100, null).entries().size());
        assertFalse(b.delete("shared/key"));
        assertTrue(b.putIfAbsent("shared/key", "bravo's", null).isPresent());

        assertEquals("alpha's secret note", a.get("shared/key").orElseThrow().value());
        assertEquals("bravo's", b.get("shared/key").orElseThrow().value());
    }

    @Test
    void compareAndSetWithAnotherTenantsVersionFails() throws Exception {
        DataStore a = data.store("alpha", "notes.jar");
        DataStore b = data.store("bravo", "notes.jar");
        DataEntry mine = a.put("cas/key", "a");
        b.put("cas/key", "b");
        assertTrue(b.compareAndSet("cas/key", mine.version(), "stolen", null).isEmpty());
        assertEquals("a", a.get("cas/key").orElseThrow().value());
    }

    @Test
    void pluginsOfOneTenantHaveTheirOwnNamespaces() throws Exception {
        data.store("alpha", "one.jar").put("config", "1");
        assertTrue(data.store("alpha", "two.jar").get("config").isEmpty());
    }

    @Test
    void usageIsCountedPerTenant() throws Exception {
        DataStore a = data.store("alpha", "usage.jar");
        long before = data.usage("bravo").bytes();
        a.put("u", "12345");
        assertEquals(before, data.usage("bravo").bytes());
    }
}
