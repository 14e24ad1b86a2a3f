package io.berth.core.plugin.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.ToolResult;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * The kernel's limits hold inside a worker: processes and threads (RLIMIT_NPROC, counted in the worker's own user
 * namespace), file size (RLIMIT_FSIZE) and CPU time (RLIMIT_CPU, which ends the worker; it is then replaced).
 */
class ResourceLimitsHoldTest {

    private static WorkerPool pool;
    private static List<WorkerPlugin> plugins;

    @BeforeAll
    static void deploy() throws Exception {
        Workers.assumeSandbox();
        pool = new WorkerPool(Workers.sandboxed().toBuilder().maxProcesses(64).maxFileBytes(8L << 20).cpuSeconds(3)
                .build());
        plugins = pool.deploy("acme", List.of(Workers.jar()));
    }

    @AfterAll
    static void close() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void threadsStopAtTheProcessLimitAndTheWorkerLivesOn() throws Exception {
        ToolResult r = Workers.call(plugins, "threads", Map.of("n", "500"));
        assertTrue(r.isError(), Workers.text(r));
        assertTrue(Workers.text(r).contains("unable to create native thread"), Workers.text(r));
        assertEquals("alive", Workers.text(Workers.call(plugins, "echo", Map.of("text", "alive"))));
    }

    @Test
    void filesStopAtTheSizeLimit() throws Exception {
        ToolResult r = Workers.call(plugins, "write", Map.of("path", "/tmp/f", "mb", "20"));
        assertEquals("stopped after 8388608: File too large", Workers.text(r));
        assertEquals("alive", Workers.text(Workers.call(plugins, "echo", Map.of("text", "alive"))));
    }

    @Test
    void cpuTimeEndsTheWorkerAndItIsReplaced() throws Exception {
        WorkerCallException e = assertThrows(WorkerCallException.class,
                () -> Workers.call(plugins, "spin", Map.of("ms", "30000")));
        assertEquals(WorkerCallException.Reason.CRASHED, e.reason());
        assertEquals("alive", Workers.text(Workers.call(plugins, "echo", Map.of("text", "alive"))));
    }
}
