package io.berth.core.plugin.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.ToolException;
import io.berth.sdk.ToolResult;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The worker has no network; a worker plugin's {@code context.http()} is the host's egress of the call, with the
 * tenant's allow-list and checks. Requests and responses cross whole (method, headers with repeated values, binary
 * bodies); a refusal reaches the plugin with the host's message.
 */
class WorkerPluginsReachTheNetworkThroughHostEgressTest {

    private static HostGrants host;
    private static WorkerPool pool;
    private static List<WorkerPlugin> plugins;

    @BeforeAll
    static void deploy() throws Exception {
        Workers.assumeSandbox();
        host = new HostGrants(1 << 20);
        pool = new WorkerPool(Workers.sandboxed());
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
    void anAllowedRequestAndItsResponseCrossWhole() throws Exception {
        byte[] body = new byte[256];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        ToolResult r = Workers.call(plugins, "fetch", Map.of("url", host.url("/echo"), "method", "PUT",
                "body", Base64.getEncoder().encodeToString(body), "header", "X-Test", "headerValue", "first",
                "timeout", "PT3S"), host.context(HostGrants.OPEN, "caps"));
        assertFalse(r.isError(), () -> Workers.text(r));
        Map<String, Object> out = r.structuredContent();
        assertEquals(201L, out.get("status"));
        assertArrayEquals(body, Base64.getDecoder().decode((String) out.get("body")), "binary bodies, both ways");
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>) out.get("headers");
        assertEquals(List.of("PUT"), headers.get("x-method"));
        assertEquals(List.of("first,second"), headers.get("x-test"), "both values of a repeated header arrived");
    }

    @Test
    void redirectsAreTheHostsToFollowOrNot() throws Exception {
        ToolResult followed = Workers.call(plugins, "fetch", Map.of("url", host.url("/moved")),
                host.context(HostGrants.OPEN, "caps"));
        assertEquals(201L, followed.structuredContent().get("status"));
        ToolResult kept = Workers.call(plugins, "fetch", Map.of("url", host.url("/moved"), "noRedirects", true),
                host.context(HostGrants.OPEN, "caps"));
        assertEquals(302L, kept.structuredContent().get("status"));
    }

    @Test
    void aTenantThatAllowsNothingIsRefusedWithTheHostsMessage() throws Exception {
        String url = host.url("/echo");
        ToolResult r = Workers.call(plugins, "fetch", Map.of("url", url), host.context(HostGrants.CLOSED, "caps"));
        assertTrue(r.isError());
        assertTrue(Workers.text(r).startsWith("ToolException: Outbound request to 127.0.0.1:" + host.port()
                + " refused: "), Workers.text(r));
        ToolException thrown = assertThrows(ToolException.class, () -> Workers.call(plugins, "fetch",
                Map.of("url", url, "rethrow", true), host.context(HostGrants.CLOSED, "caps")));
        assertEquals(Workers.text(r), "ToolException: " + thrown.getMessage());
        ToolResult invalid = Workers.call(plugins, "fetch", Map.of("url", "ftp://example.com/"),
                host.context(HostGrants.OPEN, "caps"));
        assertEquals("ToolException: Invalid URL: only absolute http(s) URLs can be requested", Workers.text(invalid));
    }

    @Test
    void withoutAGrantEgressIsRefusedAsTheHostRefusesIt() throws Exception {
        ToolResult r = Workers.call(plugins, "fetch", Map.of("url", host.url("/echo")), new RecordingContext("acme"));
        assertEquals("ToolException: Outbound HTTP is not available here", Workers.text(r));
    }
}
