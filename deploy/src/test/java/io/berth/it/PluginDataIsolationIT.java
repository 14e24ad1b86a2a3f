package io.berth.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Uploaded plugins run in their tenant's sandboxed worker (the default tier) and reach the data store and the network
 * only through Berth. What a plugin stores is namespaced by tenant and plugin: the same JAR uploaded by two tenants,
 * and two plugins of one tenant, never see each other's keys, on any node. Egress is the operator's to allow: with
 * nothing allow-listed a plugin's request is refused with a tool error that says why, and a loopback address stays
 * refused until private addresses are allowed as well. A secret the plugin sends crosses the worker boundary without
 * reaching any server log.
 */
class PluginDataIsolationIT {

    private static final Duration LIVE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);

    @BeforeAll
    static void ready() {
        BerthNodes.awaitReady();
    }

    /**
     * A plugin with tools {@code <prefix>put {key, value}}, {@code <prefix>get {key}} on {@code context.data()},
     * {@code <prefix>fetch {url}} on {@code context.http()}, and {@code <prefix>fetch_with {url, secret}}, which sends
     * the secret as a bearer token.
     */
    private static byte[] notesPlugin(String pkg, String prefix) {
        String put = "Tool.builder(\"" + prefix + "put\").description(\"Stores a value under a key\")"
                + ".inputSchema(schema(\"key\", \"value\")).handler((call, context) -> ToolResult.text(\"stored v\" "
                + "+ context.data().put(arg(call, \"key\"), arg(call, \"value\")).version())).build()";
        String get = "Tool.builder(\"" + prefix + "get\").description(\"Reads the value under a key\")"
                + ".inputSchema(schema(\"key\")).handler((call, context) -> context.data().get(arg(call, \"key\"))"
                + ".map(e -> ToolResult.text(\"value: \" + e.value())).orElse(ToolResult.text(\"nothing stored\")))"
                + ".build()";
        String fetch = "Tool.builder(\"" + prefix + "fetch\").description(\"GETs a URL\")"
                + ".inputSchema(schema(\"url\")).handler((call, context) -> ToolResult.text(\"status \" + context"
                + ".http().send(io.berth.sdk.EgressRequest.get(arg(call, \"url\"))).status())).build()";
        String fetchWith = "Tool.builder(\"" + prefix + "fetch_with\").description(\"GETs a URL with a secret\")"
                + ".inputSchema(schema(\"url\", \"secret\")).handler((call, context) -> {"
                + " io.berth.sdk.Secret s = context.secret(arg(call, \"secret\")).orElseThrow();"
                + " return ToolResult.text(\"status \" + context.http().send(io.berth.sdk.EgressRequest"
                + ".builder(\"GET\", arg(call, \"url\")).header(\"Authorization\", \"Bearer \" + s.reveal())"
                + ".build()).status()); }).build()";
        String members = """
                    private static java.util.Map<String, Object> schema(String... names) {
                        java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();
                        for (String n : names) {
                            properties.put(n, java.util.Map.of("type", "string"));
                        }
                        return java.util.Map.of("type", "object", "properties", properties,
                                "required", List.of(names));
                    }

                    private static String arg(io.berth.sdk.ToolCall call, String name) {
                        return (String) call.arguments().get(name);
                    }
                """;
        return PluginJars.plugin(pkg, "List.of(" + put + ", " + get + ", " + fetch + ", " + fetchWith + ")",
                members);
    }

    private static TenantApiClient.Tenant tenantWith(String prefix, String plugin, byte[] jar) {
        TenantApiClient.Tenant t = TenantApiClient.newTenant(prefix);
        upload(t, plugin, jar);
        return t;
    }

    private static void upload(TenantApiClient.Tenant t, String plugin, byte[] jar) {
        Http.Response r = new TenantApiClient(BerthNodes.nodeA(), t).upload(plugin, jar);
        assertEquals(201, r.status(), r.body());
    }

    /** The tenant's tools on {@code node}, once {@code tool} is listed there. */
    private static TenantTools live(URI node, TenantApiClient.Tenant t, String tool) {
        TenantTools tools = new TenantTools(node, t.id());
        await(tool + " of " + t.id() + " live on " + node).atMost(LIVE).pollInterval(POLL)
                .until(() -> tools.listed(tool).isPresent());
        return tools;
    }

    private static String call(TenantTools tools, String tool, String... keysAndValues) {
        JsonObject r = result(tools, tool, keysAndValues);
        assertFalse(r.getBoolean("isError", false), tool + " failed: " + r);
        return StatelessClient.text(r);
    }

    private static JsonObject result(TenantTools tools, String tool, String... keysAndValues) {
        var args = Json.createObjectBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            args.add(keysAndValues[i], keysAndValues[i + 1]);
        }
        return tools.result(tool, args.build());
    }

    @Test
    void theSamePluginOfTwoTenantsKeepsTwoStores() {
        byte[] jar = notesPlugin("isolation.notes", "");
        TenantApiClient.Tenant a = tenantWith("data-a", "notes", jar);
        TenantApiClient.Tenant b = tenantWith("data-b", "notes", jar);
        TenantTools toolsA = live(BerthNodes.nodeA(), a, "get");
        TenantTools toolsB = live(BerthNodes.nodeA(), b, "get");

        assertTrue(call(toolsA, "put", "key", "k", "value", "a-secret").startsWith("stored v"));
        String seenByB = call(toolsB, "get", "key", "k");
        assertEquals("nothing stored", seenByB, "tenant B's plugin of the same name sees nothing of A's");
        assertTrue(call(toolsB, "put", "key", "k", "value", "b").startsWith("stored v"));

        for (URI node : BerthNodes.all()) {
            assertEquals("value: a-secret", call(live(node, a, "get"), "get", "key", "k"), "A on " + node);
            assertEquals("value: b", call(live(node, b, "get"), "get", "key", "k"), "B on " + node);
        }
    }

    @Test
    void twoPluginsOfOneTenantKeepTwoStores() {
        TenantApiClient.Tenant t = tenantWith("data-two", "notes", notesPlugin("isolation.one", ""));
        upload(t, "memo", notesPlugin("isolation.two", "memo_"));
        TenantTools tools = live(BerthNodes.nodeA(), t, "get");
        live(BerthNodes.nodeA(), t, "memo_get");

        call(tools, "put", "key", "k", "value", "from notes");
        assertEquals("nothing stored", call(tools, "memo_get", "key", "k"), "another plugin of the same tenant");
        call(tools, "memo_put", "key", "k", "value", "from memo");
        assertEquals("value: from notes", call(tools, "get", "key", "k"));
        assertEquals("value: from memo", call(tools, "memo_get", "key", "k"));
    }

    @Test
    void egressIsRefusedUntilTheOperatorAllowsIt() throws IOException {
        TenantApiClient.Tenant t = tenantWith("egress", "fetcher", notesPlugin("isolation.fetch", ""));
        TenantTools tools = live(BerthNodes.nodeA(), t, "fetch");
        URI node = BerthNodes.nodeA();
        String health = "http://127.0.0.1:" + node.getPort() + "/health/live";

        JsonObject refused = result(tools, "fetch", "url", "https://127.0.0.1/");
        assertTrue(refused.getBoolean("isError", false), refused.toString());
        assertEquals("Outbound request to 127.0.0.1 refused: the host is not on the tenant's egress allow-list",
                StatelessClient.text(refused));

        OperatorClient operator = new OperatorClient(node);
        URI egress = URI.create(operator.tenant(t.id()) + "/egress");
        Http.Response allowed = Http.send("PUT", egress, OperatorClient.JSON, "{\"allowedHosts\":[\"127.0.0.1:"
                + node.getPort() + "\"],\"allowHttp\":true}", operator.auth());
        assertEquals(200, allowed.status(), allowed.body());
        await("allow-listed, but loopback").atMost(LIVE).pollInterval(POLL).until(() -> StatelessClient.text(
                result(tools, "fetch", "url", health)).contains("refused: it resolves to"));

        Http.Response privateToo = Http.send("PUT", egress, OperatorClient.JSON, "{\"allowedHosts\":[\"127.0.0.1:"
                + node.getPort() + "\"],\"allowHttp\":true,\"allowPrivateAddresses\":true}", operator.auth());
        assertEquals(200, privateToo.status(), privateToo.body());
        await("reaches the node's health endpoint").atMost(LIVE).pollInterval(POLL)
                .until(() -> "status 200".equals(StatelessClient.text(result(tools, "fetch", "url", health))));

        String value = "sk_worker_" + UUID.randomUUID();
        Http.Response secret = Http.send("PUT", URI.create(operator.tenant(t.id()) + "/secrets/api-token"),
                OperatorClient.JSON, "{\"value\":\"" + value + "\"}", operator.auth());
        assertEquals(201, secret.status(), secret.body());
        assertEquals("status 200", call(tools, "fetch_with", "url", health, "secret", "api-token"));
        JsonObject notAllowed = result(tools, "fetch_with", "url", "https://127.0.0.2/", "secret", "api-token");
        assertTrue(notAllowed.getBoolean("isError", false), notAllowed.toString());
        assertFalse(notAllowed.toString().contains(value));
        assertFalse(logsContain(value), "a secret's value appears in a server log");
    }

    private static boolean logsContain(String text) throws IOException {
        for (Path dir : BerthNodes.logDirs()) {
            try (Stream<Path> logs = Files.list(dir)) {
                for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("messages")).toList()) {
                    if (Files.readString(log).contains(text)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
