package io.berth.core.plugin.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolResult;
import io.berth.worker.wire.JsonException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * A worker plugin's use of its ToolContext arrives at the host's context of the call, in order, on the thread that
 * made the call; the answers (input, roots, flags, refusals) travel back into the plugin.
 */
class ContextCapabilitiesReachTheHostTest {

    private static WorkerPool pool;
    private static List<WorkerPlugin> plugins;

    @BeforeAll
    static void deploy() throws Exception {
        Workers.assumeSandbox();
        pool = new WorkerPool(Workers.sandboxed());
        plugins = pool.deploy("acme", List.of(Workers.jar()));
    }

    @AfterAll
    static void close() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void progressLogInputAndTheRestRoundTrip() throws Exception {
        RecordingContext ctx = new RecordingContext("acme");
        String caller = Thread.currentThread().getName();
        ToolResult r = Workers.call(plugins, "interact", Map.of(), ctx);
        assertEquals("hello Ada, decline, roots [Root[uri=file:///work, name=work]], can true, task false, "
                + "sampling: This client does not support sampling", Workers.text(r));
        assertEquals(List.of("progress 1.0/3.0 asking", "log INFO test {list=[true, 2.5], step=1}",
                "status waiting for the user", "canRequest elicitation", "requestInput [who]", "elicit Sure?",
                "listRoots", "runAsTask", "listChanged TOOLS", "resourceUpdated test://static", "createMessage",
                "progress 3.0/3.0 done"), ctx.events);
        assertTrue(ctx.threads.stream().allMatch(caller::equals), "served on the caller's thread: " + ctx.threads);
    }

    @Test
    void aCapabilityAddedLaterIsOneRegistrationAway() throws Exception {
        ContextBridge bridge = new ContextBridge();
        bridge.register("secrets/get", (c, p) -> Map.of("value", c.tenantId() + ":" + p.get("name")));
        ToolContext ctx = new RecordingContext("acme");
        assertEquals(Map.of("value", "acme:api-key"), bridge.serve("secrets/get", ctx, Map.of("name", "api-key")));
        assertThrows(ContextBridge.UnknownCapability.class, () -> bridge.serve("egress/http", ctx, Map.of()));
    }

    @Test
    void malformedParamsFromAWorkerAreRefusedNotObeyed() {
        ContextBridge bridge = new ContextBridge();
        ToolContext ctx = new RecordingContext("acme");
        assertThrows(JsonException.class, () -> bridge.serve("log", ctx, Map.of("level", "loud", "data", 1L)));
        assertThrows(JsonException.class, () -> bridge.serve("progress", ctx, Map.of("progress", "much")));
        assertThrows(JsonException.class, () -> bridge.serve("listChanged", ctx, Map.of("list", "SECRETS")));
        assertThrows(JsonException.class, () -> bridge.serve("requestInput", ctx,
                Map.of("requests", Map.of("k", Map.of("type", "shell")))));
        ToolContext granted = new RecordingContext("acme") {
            @Override
            public io.berth.sdk.DataStore data() {
                throw new AssertionError("must not be reached with malformed params");
            }
        };
        assertThrows(JsonException.class, () -> bridge.serve("data.compareAndSet", granted,
                Map.of("key", "k", "value", "v", "expectedVersion", "1")));
        assertThrows(JsonException.class, () -> bridge.serve("data.put", granted, Map.of("key", 7L, "value", "v")));
        assertThrows(JsonException.class, () -> bridge.serve("data.list", granted,
                Map.of("prefix", "", "limit", 1L << 40)));
        assertThrows(JsonException.class, () -> bridge.serve("http.send", ctx, Map.of()));
        assertThrows(JsonException.class, () -> bridge.serve("secret", ctx, Map.of("name", List.of())));
    }

    @Test
    void aRefusalOfTheHostReachesThePluginAsAToolException() throws Exception {
        ToolContext refusing = new RecordingContext("acme") {
            @Override
            public io.berth.sdk.InputResponses requestInput(Map<String, io.berth.sdk.InputRequest> requests)
                    throws ToolException {
                throw new ToolException("This client does not support elicitation");
            }
        };
        ToolException e = assertThrows(ToolException.class, () -> Workers.call(plugins, "interact", Map.of(), refusing));
        assertEquals("This client does not support elicitation", e.getMessage());
    }
}
