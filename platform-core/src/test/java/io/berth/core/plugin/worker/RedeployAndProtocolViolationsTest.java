package io.berth.core.plugin.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.ToolResult;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A redeploy replaces the tenant's worker and lets calls in flight finish; records of the old deploy stop working. A
 * worker that writes anything but the protocol to stdout is killed and replaced.
 */
class RedeployAndProtocolViolationsTest {

    private WorkerPool pool;
    private List<WorkerPlugin> plugins;

    @BeforeEach
    void deploy() throws Exception {
        Workers.assumeSandbox();
        pool = new WorkerPool(Workers.sandboxed());
        plugins = pool.deploy("acme", List.of(Workers.jar()));
    }

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void aRedeployLetsCallsInFlightFinishAndRetiresTheOldRecords() throws Exception {
        long before = pool.status("acme").orElseThrow().pid();
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            Future<ToolResult> inFlight = one.submit(() -> Workers.call(plugins, "nap", Map.of("ms", "300")));
            Thread.sleep(100);
            List<WorkerPlugin> next = pool.deploy("acme", List.of(Workers.jar()));
            assertNotEquals(before, pool.status("acme").orElseThrow().pid());
            assertEquals("woke", Workers.text(inFlight.get()));
            assertEquals("new", Workers.text(Workers.call(next, "echo", Map.of("text", "new"))));
            WorkerCallException e = assertThrows(WorkerCallException.class,
                    () -> Workers.call(plugins, "echo", Map.of("text", "old")));
            assertEquals(WorkerCallException.Reason.UNAVAILABLE, e.reason());
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void declarationsCanBeReadAgain() throws Exception {
        List<WorkerPlugin> again = pool.redeclare("acme");
        assertEquals(plugins.get(0).tools().stream().map(t -> t.name()).toList(),
                again.get(0).tools().stream().map(t -> t.name()).toList());
        assertEquals("x", Workers.text(Workers.call(again, "echo", Map.of("text", "x"))));
    }

    @Test
    void aWorkerWritingGarbageToTheProtocolIsKilled() throws Exception {
        WorkerCallException e = assertThrows(WorkerCallException.class,
                () -> Workers.call(plugins, "garbage", Map.of()));
        assertEquals(WorkerCallException.Reason.CRASHED, e.reason());
        assertTrue(e.getMessage().contains("broke the protocol"), e.getMessage());
        assertEquals("fine", Workers.text(Workers.call(plugins, "echo", Map.of("text", "fine"))));
    }
}
