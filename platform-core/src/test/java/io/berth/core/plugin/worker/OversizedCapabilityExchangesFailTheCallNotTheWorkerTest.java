package io.berth.core.plugin.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.ToolResult;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * Either side kills a peer that sends a message over the protocol's limit, so a plugin's ordinary request must never
 * produce one: a data value too large to send is refused in the worker (as a quota error, which the host would have
 * raised), and a response too large to pass back is refused by the host. The worker lives on.
 */
class OversizedCapabilityExchangesFailTheCallNotTheWorkerTest {

    private static final int MAX_MESSAGE = 64 * 1024;
    private static HostGrants host;
    private static WorkerPool pool;
    private static List<WorkerPlugin> plugins;

    @BeforeAll
    static void deploy() throws Exception {
        Workers.assumeSandbox();
        host = new HostGrants(1 << 20);
        pool = new WorkerPool(Workers.sandboxed().toBuilder().maxMessageBytes(MAX_MESSAGE).build());
        plugins = pool.deploy(HostGrants.OPEN, List.of(CapabilityPluginJar.jar()));
    }

    @AfterAll
    static void close() {
        if (pool != null) {
            pool.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void tooLargeForTheWireIsARefusalOfThatCall() throws Exception {
        long pid = pool.status(HostGrants.OPEN).orElseThrow().pid();
        ToolResult put = Workers.call(plugins, "data", Map.of("op", "putRepeated", "key", "big", "size",
                (long) MAX_MESSAGE), host.context(HostGrants.OPEN, "caps"));
        assertTrue(Workers.text(put).startsWith("QuotaExceededException: The request is larger than Berth accepts"),
                Workers.text(put));

        ToolResult fetched = Workers.call(plugins, "fetch", Map.of("url", host.url("/bytes?" + MAX_MESSAGE)),
                host.context(HostGrants.OPEN, "caps"));
        assertTrue(Workers.text(fetched).startsWith("ToolException: The answer is larger than Berth passes to a "
                + "plugin's worker"), Workers.text(fetched));

        ToolResult small = Workers.call(plugins, "fetch", Map.of("url", host.url("/bytes?1000")),
                host.context(HostGrants.OPEN, "caps"));
        assertFalse(small.isError(), () -> Workers.text(small));
        assertEquals(pid, pool.status(HostGrants.OPEN).orElseThrow().pid(), "the same worker answered throughout");
        assertEquals(0, pool.status(HostGrants.OPEN).orElseThrow().restarts());
    }
}
