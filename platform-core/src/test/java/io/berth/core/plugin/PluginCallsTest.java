package io.berth.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.ToolException;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PluginCallsTest {

    private final ClassLoader pluginLoader = new URLClassLoader(new URL[0], null);
    private final Deployed<String> target = new Deployed<>("acme", "test.jar", "thing", pluginLoader);
    private PluginCalls calls;

    @BeforeEach
    void calls() {
        PluginConfig config = new PluginConfig();
        config.callTimeoutMs = 300;
        config.maxConcurrentCallsPerTenant = 1;
        calls = new PluginCalls();
        calls.config = config;
    }

    @AfterEach
    void stop() {
        calls.stop();
    }

    private <T> T run(Callable<T> work) {
        return calls.run(target, "test call", work).join();
    }

    private PluginCallException failure(Callable<?> work) {
        CompletionException e = assertThrows(CompletionException.class, () -> run(work));
        return assertInstanceOf(PluginCallException.class, e.getCause());
    }

    @Test
    void runsWithThePluginsContextLoaderAndRestoresNothingElse() {
        assertSame(pluginLoader, run(() -> Thread.currentThread().getContextClassLoader()));
        assertEquals("value", run(() -> "value"));
    }

    @Test
    void aToolExceptionIsARefusalWithItsMessage() {
        PluginCallException e = failure(() -> {
            throw new ToolException("city not found: Atlantis");
        });
        assertEquals(PluginCallException.Kind.REFUSED, e.kind());
        assertEquals("city not found: Atlantis", e.getMessage());
    }

    @Test
    void anyOtherFailureHidesItsDetails() {
        PluginCallException e = failure(() -> {
            throw new IllegalStateException("jdbc:secret://internal-host");
        });
        assertEquals(PluginCallException.Kind.FAILED, e.kind());
        assertFalse(e.getMessage().contains("internal-host"), e.getMessage());
    }

    @Test
    void aCallPastItsTimeoutIsAbandonedAndInterrupted() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        PluginCallException e = failure(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ie) {
                interrupted.countDown();
            }
            return "too late";
        });
        assertEquals(PluginCallException.Kind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the plugin thread was interrupted");
    }

    @Test
    void theBulkheadRefusesCallsBeyondTheTenantsLimitUntilASlotFrees() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        var first = calls.run(target, "first", () -> {
            started.countDown();
            release.await();
            return "first";
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));

        assertEquals(PluginCallException.Kind.BUSY, failure(() -> "second").kind());

        release.countDown();
        assertEquals("first", first.join());
        assertEquals("third", run(() -> "third"), "the slot is free by the time the result is seen");
    }

    @Test
    void aCallerAnsweredFromTheCompletionCanCallAgainAtOnce() {
        // Completing the future writes the answer on the plugin thread; a client reacting to it must find the slot
        // free (the benchmark saw spurious refusals when the slot was released after completion).
        for (int i = 0; i < 200; i++) {
            String next = calls.run(target, "first", () -> "first")
                    .thenCompose(v -> calls.run(target, "next", () -> "next")).join();
            assertEquals("next", next);
        }
    }

    @Test
    void anotherTenantIsNotBlockedByAFullBulkhead() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        calls.run(target, "hog", () -> {
            started.countDown();
            release.await();
            return "hog";
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        Deployed<String> other = new Deployed<>("globex", "test.jar", "thing", pluginLoader);
        assertEquals("fine", calls.run(other, "other", () -> "fine").join());
        release.countDown();
    }
}
