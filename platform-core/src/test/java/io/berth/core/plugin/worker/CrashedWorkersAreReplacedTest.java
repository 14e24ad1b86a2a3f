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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A worker that exits, runs out of memory or is killed fails the calls it had in flight with a clear error and is
 * replaced; the next call is served by the new worker.
 */
class CrashedWorkersAreReplacedTest {

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
    void systemExitEndsTheWorkerNotTheTier() throws Exception {
        long before = pool.status("acme").orElseThrow().pid();
        WorkerCallException e = assertThrows(WorkerCallException.class, () -> Workers.call(plugins, "exit", Map.of()));
        assertEquals(WorkerCallException.Reason.CRASHED, e.reason());
        assertTrue(e.getMessage().startsWith("The plugin's worker stopped (exited with status 7)"), e.getMessage());
        assertEquals("back", Workers.text(Workers.call(plugins, "echo", Map.of("text", "back"))));
        assertNotEquals(before, pool.status("acme").orElseThrow().pid());
    }

    @Test
    void runningOutOfMemoryEndsTheWorkerAndItsCallsInFlight() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<ToolResult> bystander = threads.submit(() -> Workers.call(plugins, "nap", Map.of("ms", "60000")));
            Thread.sleep(200);
            WorkerCallException e = assertThrows(WorkerCallException.class,
                    () -> Workers.call(plugins, "oom", Map.of()));
            assertEquals(WorkerCallException.Reason.CRASHED, e.reason());
            ExecutionException inFlight = assertThrows(ExecutionException.class, bystander::get);
            assertInstanceOf(WorkerCallException.class, inFlight.getCause());
            assertEquals("ok", Workers.text(Workers.call(plugins, "echo", Map.of("text", "ok"))));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void workersOutliveTheThreadsThatStartedThem() throws Exception {
        // bwrap --die-with-parent fires when the spawning *thread* ends: start threads that end after 100 ms idle
        try (WorkerPool shortLived = new WorkerPool(Workers.sandboxed(), Duration.ofMillis(100))) {
            Thread deployer = new Thread(() -> {
                try {
                    shortLived.deploy("acme", List.of(Workers.jar()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            deployer.start();
            deployer.join();
            long pid = shortLived.status("acme").orElseThrow().pid();
            Thread.sleep(1500);
            assertEquals(pid, shortLived.status("acme").orElseThrow().pid());
            assertEquals(0, shortLived.status("acme").orElseThrow().restarts());
        }
    }

    @Test
    void aKilledWorkerIsReplacedBeforeTheNextCallAsks() throws Exception {
        WorkerPool.WorkerStatus status = pool.status("acme").orElseThrow();
        ProcessHandle.of(status.javaPid().orElseThrow()).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(20)).until(() -> pool.status("acme")
                .map(s -> s.pid() != status.pid() && s.startTime() != null).orElse(false));
        assertEquals("warm", Workers.text(Workers.call(plugins, "echo", Map.of("text", "warm"))));
    }
}
