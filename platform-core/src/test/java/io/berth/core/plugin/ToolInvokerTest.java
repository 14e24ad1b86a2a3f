package io.berth.core.plugin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.Content;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolCall;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolHandler;
import io.berth.sdk.ToolResult;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ToolInvokerTest {

    private static final ToolContext CONTEXT = () -> "acme";
    private final ClassLoader pluginLoader = new URLClassLoader(new URL[0], null);
    private ToolInvoker invoker;

    @BeforeEach
    void invoker() {
        PluginConfig config = new PluginConfig();
        config.callTimeoutMs = 300;
        config.maxConcurrentCallsPerTenant = 1;
        invoker = new ToolInvoker();
        invoker.config = config;
    }

    @AfterEach
    void stop() {
        invoker.stop();
    }

    private PluginTool tool(ToolHandler handler) {
        return new PluginTool("acme", "test.jar",
                Tool.builder("t").description("test tool").handler(handler).build(), pluginLoader);
    }

    private ToolResult call(ToolHandler handler) {
        return invoker.start(tool(handler), new ToolCall("t", null), CONTEXT).join();
    }

    private static String text(ToolResult r) {
        return ((Content.Text) r.content().get(0)).text();
    }

    @Test
    void runsTheHandlerWithThePluginsContextLoader() {
        AtomicReference<ClassLoader> seen = new AtomicReference<>();
        ToolResult r = call((c, ctx) -> {
            seen.set(Thread.currentThread().getContextClassLoader());
            return ToolResult.text("ok");
        });
        assertEquals("ok", text(r));
        assertFalse(r.isError());
        assertSame(pluginLoader, seen.get());
    }

    @Test
    void aToolExceptionIsAnErrorResultWithItsMessage() {
        ToolResult r = call((c, ctx) -> {
            throw new ToolException("city not found: Atlantis");
        });
        assertTrue(r.isError());
        assertEquals("city not found: Atlantis", text(r));
    }

    @Test
    void anyOtherFailureIsAGenericErrorThatHidesDetails() {
        ToolResult r = call((c, ctx) -> {
            throw new IllegalStateException("jdbc:secret://internal-host");
        });
        assertTrue(r.isError());
        assertFalse(text(r).contains("internal-host"), text(r));
        assertTrue(call((c, ctx) -> null).isError(), "a null result is an error too");
    }

    @Test
    void aCallPastItsTimeoutIsAbandonedAndInterrupted() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        ToolResult r = call((c, ctx) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return ToolResult.text("too late");
        });
        assertTrue(r.isError());
        assertTrue(text(r).contains("300 ms"), text(r));
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the plugin thread was interrupted");
    }

    @Test
    void theBulkheadRefusesCallsBeyondTheTenantsLimitUntilASlotFrees() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        var first = invoker.start(tool((c, ctx) -> {
            started.countDown();
            release.await();
            return ToolResult.text("first");
        }), new ToolCall("t", null), CONTEXT);
        assertTrue(started.await(5, TimeUnit.SECONDS));

        ToolResult refused = call((c, ctx) -> ToolResult.text("second"));
        assertTrue(refused.isError());
        assertTrue(text(refused).contains("Too many calls"), text(refused));

        release.countDown();
        assertEquals("first", text(first.join()));
        // The slot is released just after the result completes, when the plugin thread gets there.
        await("a call runs again once the slot is free").atMost(Duration.ofSeconds(5))
                .until(() -> !call((c, ctx) -> ToolResult.text("third")).isError());
    }
}
