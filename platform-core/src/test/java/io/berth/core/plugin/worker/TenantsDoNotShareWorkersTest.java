package io.berth.core.plugin.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.sdk.ToolResult;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Each tenant has a JVM of its own: one tenant's crash or stuck call never touches another tenant's worker. */
class TenantsDoNotShareWorkersTest {

    private WorkerPool pool;
    private List<WorkerPlugin> acme;
    private List<WorkerPlugin> globex;

    @BeforeEach
    void deploy() throws Exception {
        Workers.assumeSandbox();
        pool = new WorkerPool(Workers.sandboxed());
        acme = pool.deploy("acme", List.of(Workers.jar()));
        globex = pool.deploy("globex", List.of(Workers.jar()));
    }

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void killingOneTenantsWorkerLeavesTheOtherRunning() throws Exception {
        long acmePid = pool.status("acme").orElseThrow().pid();
        long globexPid = pool.status("globex").orElseThrow().pid();
        assertNotEquals(acmePid, globexPid);
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            Future<ToolResult> globexCall = threads.submit(() -> Workers.call(globex, "nap", Map.of("ms", "1500")));
            assertThrows(WorkerCallException.class, () -> Workers.call(acme, "exit", Map.of()));
            assertEquals("woke", Workers.text(globexCall.get()));
        } finally {
            threads.shutdownNow();
        }
        assertEquals(globexPid, pool.status("globex").orElseThrow().pid());
        assertEquals(0, pool.status("globex").orElseThrow().restarts());
        ToolResult r = Workers.call(globex, "echo", Map.of("text", "x"));
        assertEquals("globex", r.structuredContent().get("tenant"));
        assertEquals("acme", Workers.call(acme, "echo", Map.of()).structuredContent().get("tenant"));
    }

    @Test
    void staticStateIsPerTenant() throws Exception {
        // The rendezvous counter is a static field: in one JVM for both tenants, two calls would meet.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<ToolResult> a = threads.submit(() -> Workers.call(acme, "rendezvous", Map.of("n", "2", "ms", "2000")));
            Future<ToolResult> g = threads.submit(() -> Workers.call(globex, "rendezvous", Map.of("n", "2", "ms", "2000")));
            // Each waits for a second arrival in its own JVM until it gives up: neither meets the other.
            assertEquals("alone", Workers.text(a.get()));
            assertEquals("alone", Workers.text(g.get()));
        } finally {
            threads.shutdownNow();
        }
    }
}
