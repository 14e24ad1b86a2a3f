package io.berth.core.plugin.worker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.ToolResult;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;

/**
 * A call the host gives up on (PluginCalls interrupts the calling thread at its time-out) is cancelled in the worker;
 * plugin code that ignores the cancellation takes its worker down with it, and the next call gets a fresh worker.
 * Plugin code that honours it leaves the worker alone.
 */
class TimedOutCallsDoNotOutliveTheirCallerTest {

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
    void aStubbornCallIsKilledWithItsWorkerAndTheNextCallWorks() throws Exception {
        long before = pool.status("acme").orElseThrow().pid();
        Future<ToolResult> call = Workers.withTimeout(() -> Workers.call(plugins, "stubborn", Map.of()), 300);
        assertThrows(CancellationException.class, call::get);
        await().atMost(Duration.ofSeconds(20)).until(() -> pool.status("acme").map(s -> s.pid() != before)
                .orElse(false));
        assertTrue(ProcessHandle.of(before).map(h -> !h.isAlive()).orElse(true), "the old worker is gone");
        assertEquals("again", Workers.text(Workers.call(plugins, "echo", Map.of("text", "again"))));
        assertEquals(1, pool.status("acme").orElseThrow().restarts());
    }

    @Test
    void aCooperativeCallStopsAndTheWorkerStays() throws Exception {
        long before = pool.status("acme").orElseThrow().pid();
        Future<ToolResult> call = Workers.withTimeout(() -> Workers.call(plugins, "nap", Map.of("ms", "60000")), 300);
        assertThrows(CancellationException.class, call::get);
        assertEquals("still here", Workers.text(Workers.call(plugins, "echo", Map.of("text", "still here"))));
        assertEquals(before, pool.status("acme").orElseThrow().pid());
    }

    @Test
    void theClientsCancellationReachesThePlugin() throws Exception {
        RecordingContext ctx = new RecordingContext("acme");
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            ctx.cancelled = true;
        });
        canceller.start();
        ToolResult r = Workers.call(plugins, "nap", Map.of("ms", "60000"), ctx);
        assertInstanceOf(String.class, Workers.text(r));
        assertTrue(List.of("noticed the cancellation", "interrupted").contains(Workers.text(r)), Workers.text(r));
    }

    @Test
    void aCallsOwnDeadlineCancelsAndKillsAStubbornWorker() throws Exception {
        long before = pool.status("acme").orElseThrow().pid();
        WorkerCallException e = assertThrows(WorkerCallException.class, () -> pool.worker("acme").call(
                io.berth.worker.wire.Rpc.TOOLS_CALL, Map.of("plugin", 0L, "name", "stubborn", "arguments", Map.of()),
                null, Duration.ofMillis(300)));
        assertEquals(WorkerCallException.Reason.TIMEOUT, e.reason());
        await().atMost(Duration.ofSeconds(20)).until(() -> pool.status("acme").map(s -> s.pid() != before)
                .orElse(false));
        assertNotEquals(before, pool.status("acme").orElseThrow().pid());
    }
}
