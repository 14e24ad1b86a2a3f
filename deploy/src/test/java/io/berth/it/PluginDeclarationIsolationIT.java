package io.berth.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plugin code runs not only in tool calls (bounded by the call time-out) but also while a plugin is loaded and declares
 * its tools: its constructor and {@code tools()}. The verifier cannot refuse a slow constructor or a {@code tools()}
 * that stalls (loops and sleeps are ordinary code), so the runtime must bound that code too, and one tenant's stalled
 * plugin must not hold up any other tenant's deploys.
 *
 * <p>The plugins here stall for a bounded time (sleeping and swallowing interrupts, as a hostile plugin would), and
 * each test waits until the servers have recovered, so that a failure here never spills into other tests.
 */
class PluginDeclarationIsolationIT {

    /** PluginRuntime.DECLARE_TIMEOUT, the bound on reading an upload's declarations. */
    private static final Duration DECLARE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RECOVERY = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(100);

    /** Sleeps {@code seconds}, swallowing interrupts: a thread nothing can stop before that. */
    private static final String STALL = """
                static void stall(long seconds) {
                    long end = System.nanoTime() + seconds * 1_000_000_000L;
                    while (System.nanoTime() < end) {
                        try { Thread.sleep(100); } catch (InterruptedException e) { }
                    }
                }
            """;

    @BeforeAll
    static void ready() {
        BerthNodes.awaitReady();
    }

    private static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void slowPluginConstructorDoesNotHoldTheUpload() {
        TenantApiClient.Tenant tenant = TenantApiClient.newTenant("decl-ctor");
        TenantApiClient api = new TenantApiClient(BerthNodes.nodeA(), tenant);
        String tool = unique("slow_start");
        byte[] jar = PluginJars.plugin("slowctor", "List.of(Tool.builder(" + PluginJars.literal(tool)
                + ").description(\"starts slowly\").handler((call, context) -> ToolResult.text(\"started\")).build())",
                "public Plugin() { stall(20); }\n" + STALL);

        long started = System.nanoTime();
        Http.Response r = api.upload("slowctor", jar);
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("PluginDeclarationIsolationIT [%s]: upload of a plugin whose constructor takes 20 s "
                + "answered %d after %d ms%n", BerthNodes.database(), r.status(), ms);
        try {
            assertAll("a constructor that takes 20 s (answered " + r.status() + " after " + ms + " ms: " + r.body() + ")",
                    () -> assertTrue(ms < DECLARE_TIMEOUT.toMillis() + 5_000,
                            "the upload is answered once the declaration time-out of " + DECLARE_TIMEOUT + " passed"),
                    () -> assertEquals(422, r.status(), "refused: it did not declare its tools in time"));
        } finally {
            if (r.status() == 201) {
                // Every node loads it for 20 s, holding up its plugin refreshes: wait for that, then take it away.
                TenantTools tools = new TenantTools(BerthNodes.nodeA(), tenant.id());
                await("loaded after all").atMost(RECOVERY).pollInterval(POLL)
                        .until(() -> "started".equals(tools.answerOrNull(tool)));
                api.delete("plugins/slowctor");
                await("undeployed").atMost(RECOVERY).pollInterval(POLL).until(() -> tools.listed(tool).isEmpty());
            }
        }
    }

    /**
     * A plugin whose {@code tools()} answers quickly when it is loaded but stalls for 25 s when asked again, and a tool
     * an agent calls to say its list changed (which has every node read the declarations again). While it stalls,
     * another tenant deploys a plugin: that deploy must go live as fast as ever, on every node.
     */
    @Test
    void pluginStallingItsDeclarationsHoldsUpNoOtherTenant() {
        TenantApiClient.Tenant staller = TenantApiClient.newTenant("decl-staller");
        TenantApiClient.Tenant victim = TenantApiClient.newTenant("decl-victim");
        String poke = unique("poke");
        String hello = unique("hello");
        TenantTools stallerTools = new TenantTools(BerthNodes.nodeA(), staller.id());
        TenantApiClient stallerApi = new TenantApiClient(BerthNodes.nodeA(), staller);
        Http.Response up = stallerApi.upload("staller", PluginJars.plugin("staller", "declared()",
                "private int declared;\n"
                        + "List<Tool> declared() {\n"
                        + "    if (++declared > 1) { stall(25); }\n"
                        + "    return List.of(Tool.builder(" + PluginJars.literal(poke) + ").description(\"pokes\")"
                        + ".handler((call, context) -> { context.listChanged(io.berth.sdk.CatalogList.TOOLS); "
                        + "return ToolResult.text(\"poked\"); }).build());\n"
                        + "}\n" + STALL));
        assertEquals(201, up.status(), up.body());
        // Listed, not called: a call is what makes it stall.
        await(poke + " live").atMost(Duration.ofSeconds(15)).pollInterval(POLL)
                .until(() -> stallerTools.listed(poke).isPresent());

        assertEquals("poked", stallerTools.answer(poke), "an agent's call has every node read the list again");
        Http.Response deployed = new TenantApiClient(BerthNodes.nodeA(), victim).upload("victim",
                PluginJars.textTool("victim", hello, "Hello", "Says hello", "hello"));
        long accepted = System.nanoTime();
        assertEquals(201, deployed.status(), deployed.body());
        try {
            long[] live = new long[BerthNodes.all().size()];
            for (int i = 0; i < live.length; i++) {
                TenantTools tools = new TenantTools(BerthNodes.all().get(i), victim.id());
                await("the other tenant's tool live").atMost(RECOVERY).pollInterval(POLL)
                        .until(() -> "hello".equals(tools.answerOrNull(hello)));
                live[i] = (System.nanoTime() - accepted) / 1_000_000;
            }
            System.out.printf("PluginDeclarationIsolationIT [%s]: another tenant's deploy went live after %s ms "
                    + "(per node) while a plugin stalled in tools()%n", BerthNodes.database(),
                    java.util.Arrays.toString(live));
            for (int i = 0; i < live.length; i++) {
                assertTrue(live[i] < 5_000, "another tenant's deploy went live on " + BerthNodes.all().get(i)
                        + " only after " + live[i] + " ms, held up by a plugin stalling in tools() for 25 s");
            }
        } finally {
            stallerApi.delete("plugins/staller");
            await("staller undeployed").atMost(RECOVERY).pollInterval(POLL)
                    .until(() -> stallerTools.listed(poke).isEmpty());
        }
    }
}
