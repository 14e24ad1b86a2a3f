package io.berth.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A tenant's plugin life cycle through the tenant API, seen by an agent over MCP: upload (verified, stored, live at
 * once), a new version with the same tools (live at once), a version whose tools changed (held until approved), roll
 * back, tools switched off and on, undeploy; hostile JARs refused with a report that names what is wrong; a tool that
 * never ends bounded by the call time-out; tool names owned by one plugin; and API keys that reach their own tenant
 * only. Runs against the H2 node and against node A of the PostgreSQL cluster.
 */
class PluginUploadIT {

    /** Generous for a loaded 2-core machine: a deploy is announced through the cluster topic and loaded there. */
    private static final Duration LIVE = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final String PROBLEM_JSON = "application/problem+json";

    @BeforeAll
    static void ready() {
        BerthNodes.awaitReady();
    }

    private static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static TenantTools tools(TenantApiClient.Tenant tenant) {
        return new TenantTools(BerthNodes.nodeA(), tenant.id());
    }

    private static TenantApiClient api(TenantApiClient.Tenant tenant) {
        return new TenantApiClient(BerthNodes.nodeA(), tenant);
    }

    private static JsonObject created(Http.Response r) {
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    private static void awaitAnswer(TenantTools tools, String tool, String answer) {
        await(tool + " answers '" + answer + "'").atMost(LIVE).pollInterval(POLL)
                .until(() -> answer.equals(tools.answerOrNull(tool)));
    }

    private static void awaitGone(TenantTools tools, String tool) {
        await(tool + " no longer listed").atMost(LIVE).pollInterval(POLL).until(() -> tools.listed(tool).isEmpty());
    }

    // --- deploy, replace, hold, approve, roll back ---------------------------------------------------------------------

    @Test
    void newVersionsGoLiveUnlessTheirToolsChangedAndOldOnesComeBack() {
        TenantApiClient.Tenant tenant = TenantApiClient.newTenant("plug-life");
        TenantApiClient api = api(tenant);
        TenantTools tools = tools(tenant);
        String tool = unique("hello");
        String described = "Says hello";
        String redescribed = "Says hello, now more warmly";

        JsonObject v1 = created(api.upload("greeter", PluginJars.textTool("life.v1", tool, "Hello", described,
                "hello one")));
        assertAll("version 1: " + v1,
                () -> assertEquals("greeter", v1.getString("plugin")),
                () -> assertEquals(1, v1.getInt("version")),
                () -> assertEquals("approved", v1.getString("status")),
                () -> assertTrue(v1.getBoolean("active")),
                () -> assertTrue(v1.getString("sha256").matches("[0-9a-f]{64}")),
                () -> assertEquals(tool, v1.getJsonObject("declarations").getJsonArray("tools").getJsonObject(0)
                        .getString("name")));
        awaitAnswer(tools, tool, "hello one");
        assertEquals(described, tools.description(tool));

        JsonObject v2 = created(api.upload("greeter", PluginJars.textTool("life.v2", tool, "Hello", described,
                "hello two")));
        assertEquals(2, v2.getInt("version"), v2.toString());
        assertEquals("approved", v2.getString("status"), "same tools: no approval needed " + v2);
        assertTrue(v2.getBoolean("active"), v2.toString());
        awaitAnswer(tools, tool, "hello two");

        JsonObject v3 = created(api.upload("greeter", PluginJars.textTool("life.v3", tool, "Hello", redescribed,
                "hello three")));
        assertEquals(3, v3.getInt("version"), v3.toString());
        assertEquals("held", v3.getString("status"), "a changed description waits for approval: " + v3);
        assertFalse(v3.getBoolean("active"), v3.toString());
        assertHeldVersionStaysOut(tools, tool, "hello two", described);
        JsonObject versions = api.get("plugins/greeter").json();
        assertEquals(List.of("1 approved false", "2 approved true", "3 held false"), versions.getJsonArray("versions")
                .getValuesAs(JsonObject.class).stream().map(v -> v.getInt("version") + " " + v.getString("status")
                        + " " + v.getBoolean("active")).toList(), versions.toString());
        Http.Response activateHeld = api.activate("greeter", 3);
        assertEquals(409, activateHeld.status(), "a held version cannot be activated: " + activateHeld.body());

        Http.Response approved = api.approve("greeter", 3);
        assertEquals(200, approved.status(), approved.body());
        assertEquals("approved", approved.json().getString("status"), approved.body());
        assertTrue(approved.json().getBoolean("active"), approved.body());
        awaitAnswer(tools, tool, "hello three");
        assertEquals(redescribed, tools.description(tool));
        assertEquals(409, api.approve("greeter", 3).status(), "approved already");

        Http.Response rollBack = api.activate("greeter", 1);
        assertEquals(204, rollBack.status(), rollBack.body());
        awaitAnswer(tools, tool, "hello one");
        assertEquals(described, tools.description(tool), "version 1's description is back");
        JsonObject listed = api.get("plugins").json();
        assertEquals(1, listed.getJsonArray("plugins").size(), listed.toString());
        assertEquals(1, listed.getJsonArray("plugins").getJsonObject(0).getInt("version"), listed.toString());
        assertEquals(404, api.activate("greeter", 9).status(), "no version 9");
    }

    /** Nothing announces a held version, so there is no event to await: the old version must still be there a while. */
    private static void assertHeldVersionStaysOut(TenantTools tools, String tool, String answer, String description) {
        for (int i = 0; i < 5; i++) {
            assertEquals(answer, tools.answer(tool), "the approved version keeps answering");
            assertEquals(description, tools.description(tool), "tools/list keeps the approved description");
            pause(Duration.ofMillis(200));
        }
    }

    // --- tools switched off and on, undeploy --------------------------------------------------------------------------

    @Test
    void switchedOffToolIsNeitherListedNorCallableUntilSwitchedOn() {
        TenantApiClient.Tenant tenant = TenantApiClient.newTenant("plug-switch");
        TenantApiClient api = api(tenant);
        TenantTools tools = tools(tenant);
        String off = unique("switched");
        String on = unique("kept");
        created(api.upload("pair", PluginJars.plugin("pair", "List.of(" + textTool(off, "off") + ", "
                + textTool(on, "on") + ")", "")));
        awaitAnswer(tools, off, "off");

        Http.Response patched = api.switchTool(off, false);
        assertEquals(200, patched.status(), patched.body());
        assertEquals(JsonValue.FALSE, patched.json().get("enabled"), patched.body());
        awaitGone(tools, off);
        assertEquals(-32602, tools.errorCode(off), "a switched-off tool is not callable");
        assertEquals("on", tools.answer(on), "the plugin's other tool stays");
        assertEquals(List.of(off), disabled(api));

        assertEquals(200, api.switchTool(off, true).status());
        awaitAnswer(tools, off, "off");
        assertEquals(List.of(), disabled(api));
    }

    private static List<String> disabled(TenantApiClient api) {
        Http.Response r = api.get("tools/disabled");
        assertEquals(200, r.status(), r.body());
        return r.json().getJsonArray("disabled").getValuesAs(JsonString::getString);
    }

    private static String textTool(String name, String answer) {
        return "Tool.builder(" + PluginJars.literal(name) + ").description(\"test tool\").handler((call, context) -> "
                + "ToolResult.text(" + PluginJars.literal(answer) + ")).build()";
    }

    @Test
    void undeployedPluginsToolsAreGone() {
        TenantApiClient.Tenant tenant = TenantApiClient.newTenant("plug-undeploy");
        TenantApiClient api = api(tenant);
        TenantTools tools = tools(tenant);
        String tool = unique("leaving");
        created(api.upload("leaving", PluginJars.textTool("leaving", tool, "Leaving", "Leaves", "still here")));
        awaitAnswer(tools, tool, "still here");

        Http.Response undeployed = api.delete("plugins/leaving");
        assertEquals(204, undeployed.status(), undeployed.body());
        awaitGone(tools, tool);
        assertEquals(-32602, tools.errorCode(tool), "an undeployed tool is unknown");
        assertEquals(0, api.get("plugins").json().getJsonArray("plugins").size(), "nothing deployed");
        assertEquals(200, api.get("plugins/leaving").status(), "its versions are kept");
        assertEquals(404, api.delete("plugins/leaving").status(), "not deployed any more");
    }

    // --- hostile JARs -------------------------------------------------------------------------------------------------

    /** An upload the verifier must refuse, and one finding the report must hold. */
    record Hostile(String name, Supplier<byte[]> jar, String method, String reference, String entry, String message) {

        static Hostile code(String name, String members, String method, String reference) {
            String pkg = "evil." + name.replace('-', '_');
            return new Hostile(name, () -> PluginJars.toolRunning(pkg, "evil_" + name.replace('-', '_'),
                    "run(); return ToolResult.text(\"done\");", members), method, reference, null, null);
        }

        static Hostile archive(String name, Supplier<byte[]> jar, String entry, String message) {
            return new Hostile(name, jar, null, null, entry, message);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Hostile> hostileJars() {
        return Stream.of(
                Hostile.code("system-exit", "void run() { System.exit(1); }", "run()V", "java.lang.System.exit(I)V"),
                Hostile.code("runtime-exec", "void run() throws Exception { Runtime.getRuntime().exec(\"id\"); }",
                        "run()V", "java.lang.Runtime.getRuntime()Ljava/lang/Runtime;"),
                Hostile.code("file-input-stream", "void run() throws Exception { "
                        + "new java.io.FileInputStream(\"/etc/passwd\").close(); }", "run()V", "java.io.FileInputStream"),
                Hostile.code("nio-files", "void run() throws Exception { "
                                + "java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\")); }", "run()V",
                        "java.nio.file.Files.readString(Ljava/nio/file/Path;)Ljava/lang/String;"),
                Hostile.code("socket", "void run() throws Exception { new java.net.Socket(\"127.0.0.1\", 5432).close(); }",
                        "run()V", "java.net.Socket"),
                Hostile.code("class-for-name", "void run() throws Exception { Class.forName(\"java.lang.Runtime\"); }",
                        "run()V", "java.lang.Class.forName(Ljava/lang/String;)Ljava/lang/Class;"),
                Hostile.code("set-accessible", "void run() throws Exception { java.lang.reflect.Method m = "
                                + "String.class.getDeclaredMethod(\"length\"); m.setAccessible(true); }", "run()V",
                        "java.lang.reflect.Method.setAccessible(Z)V"),
                Hostile.code("thread-start", "void run() { new Thread(() -> { }).start(); }", "run()V",
                        "java.lang.Thread.start()V"),
                Hostile.archive("zip-bomb-ratio", () -> withEntry("data/zeros.bin", new byte[8 * 1024 * 1024]),
                        "data/zeros.bin", "compression ratio above 100"),
                Hostile.archive("zip-bomb-total", () -> withEntry("data/zeros.bin", new byte[101 * 1024 * 1024]),
                        null, "more than the limit of " + 100 * 1024 * 1024),
                Hostile.archive("zip-slip", () -> withEntry("../evil.class", new byte[] {(byte) 0xCA, (byte) 0xFE}),
                        "../evil.class", "'..'"),
                Hostile.archive("no-service-file", () -> PluginJars.entries(PluginJars.compile("plain.Plugin",
                                "package plain; public class Plugin { }")), null,
                        "no " + PluginJars.SERVICE_FILE),
                Hostile.archive("oversized-service-file", () -> PluginJars.entries(Map.of(PluginJars.SERVICE_FILE,
                                oversizedServiceFile())), PluginJars.SERVICE_FILE,
                        "more than the limit of 65536 for a descriptor"));
    }

    /** A good plugin JAR with one more entry. */
    private static byte[] withEntry(String name, byte[] content) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(PluginJars.SERVICE_FILE, "ok.Plugin\n".getBytes(StandardCharsets.UTF_8));
        entries.putAll(PluginJars.compile("ok.Plugin", """
                package ok;
                public final class Plugin implements io.berth.sdk.ToolPlugin {
                    public java.util.List<io.berth.sdk.Tool> tools() { return java.util.List.of(); }
                }
                """));
        entries.put(name, content);
        return PluginJars.entries(entries);
    }

    /** A service file naming a provider, padded with comments to 70 KiB (they compress about 5:1, no zip bomb). */
    private static byte[] oversizedServiceFile() {
        StringBuilder s = new StringBuilder("ok.Plugin\n");
        for (int i = 0; s.length() < 70 * 1024; i++) {
            s.append("# padding line ").append(i).append(' ').append(UUID.randomUUID()).append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static TenantApiClient.Tenant hostileTarget;
    private static String survivor;

    /** The tenant the hostile JARs are sent to, with a good tool that must keep answering. */
    private static synchronized TenantApiClient.Tenant hostileTarget() {
        if (hostileTarget == null) {
            TenantApiClient.Tenant t = TenantApiClient.newTenant("plug-hostile");
            survivor = unique("survivor");
            created(api(t).upload("good", PluginJars.textTool("good", survivor, "Survivor", "Survives", "alive")));
            awaitAnswer(tools(t), survivor, "alive");
            hostileTarget = t;
        }
        return hostileTarget;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileJars")
    void hostileJarIsRejectedWithAPreciseReport(Hostile hostile) {
        TenantApiClient.Tenant tenant = hostileTarget();
        TenantApiClient api = api(tenant);
        Http.Response r = api.upload(hostile.name(), hostile.jar().get());

        assertEquals(422, r.status(), r.body());
        assertTrue(r.contentType().startsWith(PROBLEM_JSON), r.contentType());
        JsonObject report = r.json();
        assertEquals("urn:berth:problem:plugin-rejected", report.getString("type"), r.body());
        if (hostile.reference() != null) {
            String pluginClass = "evil." + hostile.name().replace('-', '_') + ".Plugin";
            assertTrue(report.getJsonArray("violations").getValuesAs(JsonObject.class).stream().anyMatch(v ->
                            v.getString("class").equals(pluginClass) && v.getString("method").equals(hostile.method())
                                    && v.getString("reference").equals(hostile.reference())
                                    && !v.getString("rule").isBlank()),
                    "expected " + pluginClass + " " + hostile.method() + " -> " + hostile.reference() + " in "
                            + report.getJsonArray("violations"));
        } else {
            assertTrue(report.getJsonArray("problems").getValuesAs(JsonObject.class).stream().anyMatch(p ->
                            (hostile.entry() == null ? !p.containsKey("entry")
                                    : hostile.entry().equals(p.getString("entry", null)))
                                    && p.getString("message").contains(hostile.message())),
                    "expected " + (hostile.entry() == null ? "an archive problem" : hostile.entry()) + ": ..."
                            + hostile.message() + "... in " + report.getJsonArray("problems"));
        }
        assertEquals(404, api.get("plugins/" + hostile.name()).status(), "nothing of a rejected upload is stored");
        assertEquals("alive", tools(tenant).answer(survivor), "the tenant's other tools keep answering");
    }

    // --- a tool that never ends ---------------------------------------------------------------------------------------

    /**
     * A loop the verifier cannot refuse (loops are ordinary code). It sleeps and swallows interrupts instead of
     * spinning: nothing can stop a thread that ignores interrupts, so a spinning one would keep a core of this shared
     * 2-core test machine busy until the server stops; for the time-out and the bulkhead the two are the same.
     */
    private static final String ENDLESS = "for (;;) { try { Thread.sleep(20); } catch (InterruptedException e) { } }";

    @Test
    void endlessToolTimesOutAsAToolErrorWhileOtherCallsKeepAnswering() throws Exception {
        long timeoutMs = Long.parseLong(System.getProperty("berth.it.callTimeoutMs", "30000"));
        TenantApiClient.Tenant tenant = TenantApiClient.newTenant("plug-endless");
        TenantApiClient.Tenant other = TenantApiClient.newTenant("plug-bystander");
        String endless = unique("endless");
        String hello = unique("hello");
        created(api(tenant).upload("endless", PluginJars.plugin("endless", "List.of(Tool.builder("
                + PluginJars.literal(endless) + ").description(\"never ends\").handler((call, context) -> { "
                + ENDLESS + " }).build(), " + textTool(hello, "same tenant") + ")", "")));
        created(api(other).upload("bystander", PluginJars.textTool("bystander", hello, "Hello", "Says hello",
                "other tenant")));
        awaitAnswer(tools(tenant), hello, "same tenant");
        awaitAnswer(tools(other), hello, "other tenant");

        long started = System.nanoTime();
        CompletableFuture<JsonObject> stuck = CompletableFuture.supplyAsync(() -> tools(tenant).result(endless));
        int answered = 0;
        while (!stuck.isDone()) {
            long t = System.nanoTime();
            assertEquals("same tenant", tools(tenant).answer(hello));
            assertEquals("other tenant", tools(other).answer(hello));
            long ms = (System.nanoTime() - t) / 1_000_000;
            assertTrue(ms < 5_000, "two calls beside the endless one took " + ms + " ms");
            answered += 2;
            pause(Duration.ofMillis(250));
        }
        JsonObject result = stuck.get();
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("PluginUploadIT [%s]: the endless call ended after %d ms (call time-out %d ms); %d other "
                + "calls answered meanwhile%n", BerthNodes.database(), elapsed, timeoutMs, answered);
        assertTrue(result.getBoolean("isError", false), "a tool error, not a protocol error: " + result);
        assertTrue(StatelessClient.text(result).contains("did not finish within " + timeoutMs + " ms"),
                result.toString());
        assertTrue(elapsed >= timeoutMs - 100 && elapsed < timeoutMs + 5_000,
                "ended after " + elapsed + " ms, call time-out " + timeoutMs + " ms");
        assertTrue(answered >= 2, "calls went on while the endless one ran: " + answered);
    }

    // --- tool names, credentials, tenants ---------------------------------------------------------------------------

    @Test
    void toolNameOfAnotherPluginIsAConflict() {
        TenantApiClient.Tenant tenant = TenantApiClient.newTenant("plug-conflict");
        TenantApiClient api = api(tenant);
        String tool = unique("owned");
        created(api.upload("alpha", PluginJars.textTool("alpha", tool, "Owned", "Owned by alpha", "alpha")));
        awaitAnswer(tools(tenant), tool, "alpha");

        Http.Response r = api.upload("beta", PluginJars.textTool("beta", tool, "Owned", "Owned by alpha", "beta"));
        assertEquals(409, r.status(), r.body());
        assertEquals("urn:berth:problem:plugin-conflict", r.json().getString("type"), r.body());
        assertTrue(r.json().getString("detail").contains(tool), r.body());
        assertEquals(404, api.get("plugins/beta").status(), "the conflicting upload is not stored");
        assertEquals("alpha", tools(tenant).answer(tool));
    }

    @Test
    void eachCredentialWorksOnItsOwnApiOnly() {
        TenantApiClient.Tenant tenant = TenantApiClient.newTenant("plug-auth");
        Http.Response noKey = new TenantApiClient(BerthNodes.nodeA(), "").upload("anything",
                PluginJars.textTool("anything", unique("any"), "Any", "Any", "any"));
        Http.Response operatorOnTenantApi = Http.get(BerthNodes.nodeA().resolve("/api/v1/plugins"),
                "Authorization", "Bearer " + BerthNodes.operatorToken());
        Http.Response tenantKeyOnOperatorApi = Http.get(BerthNodes.nodeA().resolve("/admin/api/v1/tenants"),
                "Authorization", "Bearer " + tenant.key());
        assertAll(
                () -> assertEquals(401, noKey.status(), noKey.body()),
                () -> assertTrue(noKey.header("WWW-Authenticate").orElse("").startsWith("Bearer"), noKey.headers()
                        .toString()),
                () -> assertEquals("urn:berth:problem:unauthorized", noKey.json().getString("type"), noKey.body()),
                () -> assertEquals(401, operatorOnTenantApi.status(), operatorOnTenantApi.body()),
                () -> assertEquals(401, tenantKeyOnOperatorApi.status(), tenantKeyOnOperatorApi.body()),
                () -> assertEquals(200, new TenantApiClient(BerthNodes.nodeA(), tenant).get("plugins").status(),
                        "the key itself works where it belongs"));
    }

    @Test
    void aKeyActsOnItsOwnTenantsPluginsOnly() {
        TenantApiClient.Tenant a = TenantApiClient.newTenant("plug-owner");
        TenantApiClient.Tenant b = TenantApiClient.newTenant("plug-other");
        TenantApiClient apiA = api(a);
        TenantApiClient apiB = api(b);
        String toolA = unique("of_a");
        String toolB = unique("of_b");
        created(apiA.upload("a-tools", PluginJars.textTool("a1", toolA, "A", "Of tenant A", "a")));
        JsonObject held = created(apiA.upload("a-tools", PluginJars.textTool("a2", toolA, "A", "Changed", "a2")));
        assertEquals("held", held.getString("status"), held.toString());
        created(apiB.upload("b-tools", PluginJars.textTool("b1", toolB, "B", "Of tenant B", "b")));

        assertEquals(List.of("a-tools"), pluginNames(apiA));
        assertEquals(List.of("b-tools"), pluginNames(apiB));
        assertAll("tenant B's key on tenant A's plugin",
                () -> assertEquals(404, apiB.get("plugins/a-tools").status()),
                () -> assertEquals(404, apiB.approve("a-tools", 2).status()),
                () -> assertEquals(404, apiB.activate("a-tools", 1).status()),
                () -> assertEquals(404, apiB.delete("plugins/a-tools").status()));
        // Switching a tool off is per tenant: B switches off a name in its own tenant, never A's tool.
        assertEquals(200, apiB.switchTool(toolA, false).status());

        JsonObject versions = apiA.get("plugins/a-tools").json();
        assertEquals(List.of("1 approved true", "2 held false"), versions.getJsonArray("versions")
                .getValuesAs(JsonObject.class).stream().map(v -> v.getInt("version") + " " + v.getString("status")
                        + " " + v.getBoolean("active")).toList(), versions.toString());
        awaitAnswer(tools(a), toolA, "a");
        assertTrue(tools(b).listed(toolA).isEmpty(), "tenant B's agents never see tenant A's tools");
        assertEquals(List.of(), apiA.get("tools/disabled").json().getJsonArray("disabled")
                .getValuesAs(JsonString::getString), "nothing switched off at A");
        assertNotNull(tools(a).listed(toolA).orElse(null), "A's tool stays listed");
    }

    private static List<String> pluginNames(TenantApiClient api) {
        Http.Response r = api.get("plugins");
        assertEquals(200, r.status(), r.body());
        return r.json().getJsonArray("plugins").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("plugin")).toList();
    }

    /** Paces a check that something stays as it is; never used to wait for something to happen. */
    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
