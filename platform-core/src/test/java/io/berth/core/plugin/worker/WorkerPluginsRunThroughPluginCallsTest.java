package io.berth.core.plugin.worker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.plugin.Deployed;
import io.berth.core.plugin.PluginCallException;
import io.berth.core.plugin.PluginCalls;
import io.berth.core.plugin.PluginConfig;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolCall;
import io.berth.sdk.ToolResult;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Worker plugins through today's {@code PluginCalls}, unchanged, as the catalog will run them: results, refusals,
 * its time-out (which now ends the stubborn plugin's worker) and crashes. The CDI fields are set by reflection.
 */
class WorkerPluginsRunThroughPluginCallsTest {

    private WorkerPool pool;
    private List<WorkerPlugin> plugins;
    private PluginCalls calls;

    @BeforeEach
    void setUp() throws Exception {
        Workers.assumeSandbox();
        pool = new WorkerPool(Workers.sandboxed());
        plugins = pool.deploy("acme", List.of(Workers.jar()));
        PluginConfig config = new PluginConfig();
        set(config, "callTimeoutMs", 400L);
        set(config, "maxConcurrentCallsPerTenant", 16);
        calls = new PluginCalls();
        set(calls, "config", config);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (calls != null) {
            Method stop = PluginCalls.class.getDeclaredMethod("stop");
            stop.setAccessible(true);
            stop.invoke(calls);
        }
        if (pool != null) {
            pool.close();
        }
    }

    private ToolResult run(String name, Map<String, Object> args) {
        WorkerPlugin p = plugins.get(0);
        Tool tool = Workers.tool(plugins, name);
        Deployed<Tool> deployed = new Deployed<>(p.tenantId(), p.jarName(), tool, p.loader());
        return calls.run(deployed, "tool " + name,
                () -> tool.handler().call(new ToolCall(name, args), new RecordingContext("acme"))).join();
    }

    private PluginCallException failure(String name) {
        CompletionException e = assertThrows(CompletionException.class, () -> run(name, Map.of()));
        return assertInstanceOf(PluginCallException.class, e.getCause());
    }

    @Test
    void resultsAndRefusalsAsForClassloaderPlugins() {
        assertEquals("hi", Workers.text(run("echo", Map.of("text", "hi"))));
        PluginCallException refused = assertInstanceOf(PluginCallException.class,
                assertThrows(CompletionException.class, () -> run("refuse", Map.of("why", "x"))).getCause());
        assertEquals(PluginCallException.Kind.REFUSED, refused.kind());
        assertEquals("refused: x", refused.getMessage());
    }

    @Test
    void theCallTimeOutEndsAStubbornPluginsWorker() {
        long before = pool.status("acme").orElseThrow().pid();
        PluginCallException e = failure("stubborn");
        assertEquals(PluginCallException.Kind.TIMEOUT, e.kind());
        await().atMost(Duration.ofSeconds(20)).until(() -> pool.status("acme").map(s -> s.pid() != before)
                .orElse(false));
        assertEquals("next", Workers.text(run("echo", Map.of("text", "next"))));
    }

    @Test
    void aCrashReachesTheCallerWithAClearMessage() {
        PluginCallException e = failure("exit");
        assertTrue(e.getMessage().startsWith("The plugin's worker stopped (exited with status 7)"), e.getMessage());
        assertEquals("next", Workers.text(run("echo", Map.of("text", "next"))));
    }

    private static void set(Object target, String field, Object value) throws Exception {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }
}
