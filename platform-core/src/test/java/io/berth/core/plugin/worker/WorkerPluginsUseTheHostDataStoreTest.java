package io.berth.core.plugin.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.DataEntry;
import io.berth.sdk.QuotaExceededException;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolResult;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A worker plugin's {@code context.data()} is the host's store of the call: every operation arrives at the store the
 * host granted for the tenant and plugin being called, answers cross back exactly (versions, expiry), and refusals
 * reach the plugin with the type and message a classloader plugin would see, quota errors included.
 */
class WorkerPluginsUseTheHostDataStoreTest {

    private static HostGrants host;
    private static WorkerPool pool;
    private static List<WorkerPlugin> plugins;

    @BeforeAll
    static void deploy() throws Exception {
        Workers.assumeSandbox();
        host = new HostGrants(1 << 20);
        pool = new WorkerPool(Workers.sandboxed());
        plugins = pool.deploy(HostGrants.OPEN, List.of(CapabilityPluginJar.jar()));
    }

    @AfterAll
    static void close() {
        if (pool != null) {
            pool.close();
        }
        if (host != null) {
            host.close();
        }
    }

    private static ToolResult data(String plugin, Object... args) throws Exception {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            arguments.put((String) args[i], args[i + 1]);
        }
        return Workers.call(plugins, "data", arguments, host.context(HostGrants.OPEN, plugin));
    }

    private static String text(String plugin, Object... args) throws Exception {
        ToolResult r = data(plugin, args);
        assertTrue(!r.isError(), "failed: " + Workers.text(r));
        return Workers.text(r);
    }

    private static String show(DataEntry e) {
        return e.key() + "=" + e.value() + " v" + e.version() + (e.expiresAt() == null ? "" : " until " + e.expiresAt());
    }

    @Test
    void everyOperationReachesTheStoreOfTheTenantAndPluginBeingCalled() throws Exception {
        String put = text("caps", "op", "put", "key", "notes/a", "value", "first \u00e9\ud83d\ude00");
        DataEntry stored = host.data.store(HostGrants.OPEN, "caps").get("notes/a").orElseThrow();
        assertEquals(show(stored), put, "the plugin sees the entry as the host stored it");
        assertTrue(host.data.store(HostGrants.OPEN, "other").get("notes/a").isEmpty(), "another plugin's namespace");
        assertTrue(host.data.store(HostGrants.CLOSED, "caps").get("notes/a").isEmpty(), "another tenant's");
        assertEquals("none", text("other", "op", "get", "key", "notes/a"), "a call of another plugin sees nothing");

        assertEquals(put, text("caps", "op", "get", "key", "notes/a"));
        assertEquals("none", text("caps", "op", "putIfAbsent", "key", "notes/a", "value", "x"));
        String withTtl = text("caps", "op", "put", "key", "notes/b", "value", "second", "ttl", "PT1H0.123456S");
        DataEntry b = host.data.store(HostGrants.OPEN, "caps").get("notes/b").orElseThrow();
        assertEquals(show(b), withTtl, "expiry crosses to the nanosecond");
        assertTrue(b.expiresAt().isAfter(Instant.now().plus(Duration.ofMinutes(59))));

        assertEquals("none", text("caps", "op", "cas", "key", "notes/a", "version", stored.version() + 100,
                "value", "lost"));
        String swapped = text("caps", "op", "cas", "key", "notes/a", "version", stored.version(), "value", "changed");
        assertEquals(show(host.data.store(HostGrants.OPEN, "caps").get("notes/a").orElseThrow()), swapped);

        String page = text("caps", "op", "list", "prefix", "notes/", "limit", 1L);
        assertTrue(page.startsWith("[" + swapped + "] next "), page);
        String cursor = page.substring(page.indexOf(" next ") + 6);
        assertEquals("[" + withTtl + "] next null", text("caps", "op", "list", "prefix", "notes/", "limit", 1L,
                "cursor", cursor));

        assertEquals("true", text("caps", "op", "delete", "key", "notes/a"));
        assertEquals("false", text("caps", "op", "delete", "key", "notes/a"));
        assertTrue(host.data.store(HostGrants.OPEN, "caps").get("notes/a").isEmpty());
    }

    @Test
    void refusalsKeepTheHostsTypeAndMessage() throws Exception {
        assertEquals("ToolException: Invalid data key: use 1 to 256 characters out of A-Z a-z 0-9 . _ - : / @ + = ~",
                Workers.text(data("caps", "op", "get", "key", "no spaces")));
        assertEquals("ToolException: A data value must not be null; delete the key instead",
                Workers.text(data("caps", "op", "put", "key", "k")));
        assertEquals("ToolException: Invalid list limit: use 1 to 100",
                Workers.text(data("caps", "op", "list", "prefix", "", "limit", 0L)));
        assertEquals("ToolException: A data value must be valid Unicode text (unpaired surrogate)",
                Workers.text(data("caps", "op", "unpaired", "key", "k")));
        assertEquals("QuotaExceededException: A data value may be at most " + HostGrants.MAX_VALUE_BYTES
                        + " bytes of UTF-8; this one has " + (HostGrants.MAX_VALUE_BYTES + 1),
                Workers.text(data("caps", "op", "put", "key", "big", "value", "x".repeat(HostGrants.MAX_VALUE_BYTES + 1))));
    }

    @Test
    void aQuotaErrorReachesThePluginAndComesBackAsOne() throws Exception {
        host.data.setQuota(HostGrants.OPEN, null, host.data.usage(HostGrants.OPEN).entries() + 3, null);
        try {
            for (String k : List.of("q1", "q2", "q3")) {
                text("quota", "op", "put", "key", k, "value", "v");
            }
            long before = host.data.usage(HostGrants.OPEN).entries();
            ToolResult seen = data("quota", "op", "put", "key", "q4", "value", "v");
            assertTrue(seen.isError());
            assertTrue(Workers.text(seen).startsWith("QuotaExceededException: "), Workers.text(seen));
            QuotaExceededException thrown = assertThrows(QuotaExceededException.class,
                    () -> data("quota", "op", "put", "key", "q4", "value", "v", "rethrow", true));
            assertEquals(Workers.text(seen), "QuotaExceededException: " + thrown.getMessage(),
                    "the host sees the plugin's QuotaExceededException as one, with its message");
            assertEquals(before, host.data.usage(HostGrants.OPEN).entries(), "nothing was written");
            ToolException refused = assertThrows(ToolException.class,
                    () -> data("quota", "op", "get", "key", "bad key", "rethrow", true));
            assertEquals(ToolException.class, refused.getClass());
        } finally {
            host.data.setQuota(HostGrants.OPEN, null, null, null);
            for (String k : List.of("q1", "q2", "q3")) {
                host.data.store(HostGrants.OPEN, "quota").delete(k);
            }
        }
    }

    @Test
    void withoutAGrantTheStoreIsRefusedAsTheHostRefusesIt() throws Exception {
        ToolResult r = Workers.call(plugins, "data", Map.of("op", "get", "key", "k"), new RecordingContext("acme"));
        assertEquals("ToolException: The data store is not available here", Workers.text(r));
    }
}
