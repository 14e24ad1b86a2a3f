package io.berth.core.plugin.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.ToolResult;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Several calls are in flight on one worker at once, each answered by its own id; beyond its threads it is busy. */
class OneWorkerServesCallsConcurrentlyTest {

    private WorkerPool pool;
    private List<WorkerPlugin> plugins;

    @BeforeEach
    void deploy() throws Exception {
        Workers.assumeSandbox();
        pool = new WorkerPool(Workers.sandboxed().toBuilder().threads(4).build());
        plugins = pool.deploy("acme", List.of(Workers.jar()));
    }

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void callsMeetInsideTheWorker() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<ToolResult>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(threads.submit(() -> Workers.call(plugins, "rendezvous", Map.of("n", "4"))));
            }
            for (Future<ToolResult> c : calls) {
                assertEquals("met", Workers.text(c.get()));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void manyInterleavedCallsGetTheirOwnAnswers() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String text = "call-" + i;
                calls.add(threads.submit(() -> {
                    try {
                        return Workers.text(Workers.call(plugins, "echo", Map.of("text", text)));
                    } catch (WorkerCallException e) {
                        return e.reason().name();
                    }
                }));
            }
            int answered = 0;
            for (int i = 0; i < calls.size(); i++) {
                String got = calls.get(i).get();
                if (!got.equals("BUSY")) {
                    assertEquals("call-" + i, got);
                    answered++;
                }
            }
            assertTrue(answered > 0);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFifthCallBeyondFourThreadsIsBusyNotQueuedForever() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<ToolResult>> naps = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                naps.add(threads.submit(() -> Workers.call(plugins, "nap", Map.of("ms", "3000"))));
            }
            Thread.sleep(500);
            WorkerCallException busy = org.junit.jupiter.api.Assertions.assertThrows(WorkerCallException.class,
                    () -> Workers.call(plugins, "echo", Map.of("text", "fifth")));
            assertEquals(WorkerCallException.Reason.BUSY, busy.reason());
            for (Future<ToolResult> n : naps) {
                assertEquals("woke", Workers.text(n.get()));
            }
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }
}
