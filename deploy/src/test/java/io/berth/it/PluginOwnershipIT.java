package io.berth.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tool name belongs to one plugin of a tenant, whichever way a version becomes active (upload, approval, roll back)
 * and however uploads interleave; and uploads that race each other get distinct versions instead of a server error.
 * Two plugins that both offer a name would leave it to the order of a hash map which one answers, on each node
 * separately.
 */
class PluginOwnershipIT {

    private static final Duration LIVE = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final ExecutorService UPLOADERS = Executors.newFixedThreadPool(4);

    @BeforeAll
    static void ready() {
        BerthNodes.awaitReady();
    }

    @AfterAll
    static void stop() {
        UPLOADERS.shutdownNow();
    }

    private static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void awaitAnswer(TenantTools tools, String tool, String answer) {
        await(tool + " answers '" + answer + "'").atMost(LIVE).pollInterval(POLL)
                .until(() -> answer.equals(tools.answerOrNull(tool)));
    }

    /** Every node answers: a deploy reaches the other nodes a moment later (a worker-tier plugin starts a worker). */
    private static void awaitAnswerEverywhere(String tenant, String tool, String answer) {
        for (var node : BerthNodes.all()) {
            awaitAnswer(new TenantTools(node, tenant), tool, answer);
        }
    }

    /** Which plugin answers {@code tool} on each node, for the failure message. */
    private static String answersPerNode(String tenant, String tool) {
        return BerthNodes.all().stream().map(n -> n + " -> " + new TenantTools(n, tenant).answerOrNull(tool))
                .collect(Collectors.joining(", "));
    }

    @Test
    void rollBackCannotTakeAToolNameAnotherPluginOwnsNow() {
        TenantApiClient.Tenant tenant = TenantApiClient.newTenant("own-rollback");
        TenantApiClient api = new TenantApiClient(BerthNodes.nodeA(), tenant);
        TenantTools tools = new TenantTools(BerthNodes.nodeA(), tenant.id());
        String shared = unique("shared");
        String renamed = unique("renamed");
        assertEquals(201, api.upload("alpha", PluginJars.textTool("a1", shared, "A", "Alpha's", "alpha")).status());
        // Version 2 of alpha gives the name up (held: its tools changed; approved), so beta may take it.
        assertEquals(201, api.upload("alpha", PluginJars.textTool("a2", renamed, "A", "Alpha's", "alpha 2")).status());
        assertEquals(200, api.approve("alpha", 2).status());
        awaitAnswer(tools, renamed, "alpha 2");
        await(shared + " given up").atMost(LIVE).pollInterval(POLL).until(() -> tools.listed(shared).isEmpty());
        Http.Response beta = api.upload("beta", PluginJars.textTool("b1", shared, "B", "Beta's", "beta"));
        assertEquals(201, beta.status(), "the name is free now: " + beta.body());
        awaitAnswerEverywhere(tenant.id(), shared, "beta");

        Http.Response rollBack = api.activate("alpha", 1);
        if (rollBack.status() == 204) {
            // Let both nodes load it before reporting who answers.
            await("alpha 1 loaded").atMost(LIVE).pollInterval(POLL).until(() -> tools.listed(renamed).isEmpty());
        }
        String seen = answersPerNode(tenant.id(), shared);
        assertAll("activating alpha 1 would give " + shared + " to two plugins; answers: " + seen,
                () -> assertEquals(409, rollBack.status(), rollBack.body()),
                () -> assertTrue(BerthNodes.all().stream().allMatch(n ->
                        "beta".equals(new TenantTools(n, tenant.id()).answerOrNull(shared))),
                        "beta keeps its tool on every node: " + seen));
    }

    @Test
    void approvalCannotTakeAToolNameAnotherPluginOwnsNow() {
        TenantApiClient.Tenant tenant = TenantApiClient.newTenant("own-approve");
        TenantApiClient api = new TenantApiClient(BerthNodes.nodeA(), tenant);
        TenantTools tools = new TenantTools(BerthNodes.nodeA(), tenant.id());
        String first = unique("first");
        String shared = unique("shared");
        assertEquals(201, api.upload("alpha", PluginJars.textTool("a1", first, "A", "Alpha's", "alpha")).status());
        awaitAnswer(tools, first, "alpha");
        JsonObject held = api.upload("alpha", PluginJars.textTool("a2", shared, "A", "Alpha's", "alpha 2")).json();
        assertEquals("held", held.getString("status"), held.toString());
        Http.Response beta = api.upload("beta", PluginJars.textTool("b1", shared, "B", "Beta's", "beta"));
        assertEquals(201, beta.status(), "no active version offers the name: " + beta.body());
        awaitAnswerEverywhere(tenant.id(), shared, "beta");

        Http.Response approved = api.approve("alpha", 2);
        if (approved.status() == 200) {
            await("alpha 2 loaded").atMost(LIVE).pollInterval(POLL).until(() -> tools.listed(first).isEmpty());
        }
        String seen = answersPerNode(tenant.id(), shared);
        assertAll("approving alpha 2 would give " + shared + " to two plugins; answers: " + seen,
                () -> assertEquals(409, approved.status(), approved.body()),
                () -> assertTrue(BerthNodes.all().stream().allMatch(n ->
                        "beta".equals(new TenantTools(n, tenant.id()).answerOrNull(shared))),
                        "beta keeps its tool on every node: " + seen));
    }

    /**
     * Two plugins offering one name, uploaded at once. Each takes 2 s to load (its constructor; allowed: well within
     * the declaration time-out), which makes the overlap certain instead of a matter of milliseconds: an upload checks
     * the name after loading its own plugin (2 s) and before the other upload is loaded anywhere (2 s more).
     */
    @Test
    void concurrentUploadsOfTheSameToolNameCannotBothWin() throws Exception {
        TenantApiClient.Tenant tenant = TenantApiClient.newTenant("own-race");
        String shared = unique("raced");
        List<URI> nodes = BerthNodes.all();
        List<Http.Response> answers = race(List.of(
                upload(nodes.get(0), tenant, "alpha", slowlyLoaded("ra", shared, "alpha")),
                upload(nodes.get(nodes.size() - 1), tenant, "beta", slowlyLoaded("rb", shared, "beta"))));
        List<Integer> statuses = answers.stream().map(Http.Response::status).sorted().toList();
        await("the race settled").atMost(LIVE).pollInterval(POLL)
                .until(() -> new TenantTools(nodes.get(0), tenant.id()).answerOrNull(shared) != null);
        assertEquals(List.of(201, 409), statuses, "alpha and beta uploaded at once (on " + nodes.size()
                + " node(s)) both offering " + shared + ": " + answers.stream().map(PluginOwnershipIT::brief).toList()
                + "; answers: " + answersPerNode(tenant.id(), shared));
    }

    /**
     * Four uploads of one plugin at once, in three rounds. A version number is the last one plus one, read and
     * written in one transaction; uploads that read the same last version must not end in a server error. Whether
     * two of them overlap is up to timing: each round overlaps often enough that three rounds find a collision almost
     * always when there is one, and a correct runtime passes every round.
     */
    @Test
    void concurrentUploadsOfOnePluginGetDistinctVersions() throws Exception {
        TenantApiClient.Tenant tenant = TenantApiClient.newTenant("own-versions");
        String tool = unique("versioned");
        List<URI> nodes = BerthNodes.all();
        List<String> seen = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            List<Supplier<Http.Response>> uploads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                uploads.add(upload(nodes.get(i % nodes.size()), tenant, "versioned",
                        PluginJars.textTool("ver" + round + "x" + i, tool, "V", "Versioned", "upload " + i)));
            }
            race(uploads).forEach(r -> seen.add(brief(r)));
        }
        assertTrue(seen.stream().allMatch(s -> s.startsWith("201 ")), "four uploads of one plugin at once, three "
                + "times: " + seen);
        assertEquals(12, seen.stream().distinct().count(), "twelve distinct versions: " + seen);
    }

    /** A plugin whose constructor takes 2 s. */
    private static byte[] slowlyLoaded(String pkg, String tool, String answer) {
        return PluginJars.plugin(pkg, "List.of(Tool.builder(" + PluginJars.literal(tool) + ").description(\"raced\")"
                + ".handler((call, context) -> ToolResult.text(" + PluginJars.literal(answer) + ")).build())", """
                public Plugin() {
                    try { Thread.sleep(2_000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                }
                """);
    }

    /** An upload's answer in short: status, and the version stored or the problem. */
    private static String brief(Http.Response r) {
        JsonObject body = r.json();
        return r.status() + " " + (r.status() == 201 ? body.getString("plugin") + " v" + body.getInt("version")
                : body.getString("type") + " " + body.getString("detail", ""));
    }

    private static Supplier<Http.Response> upload(URI node, TenantApiClient.Tenant tenant, String plugin, byte[] jar) {
        return () -> new TenantApiClient(node, tenant).upload(plugin, jar);
    }

    /** Starts all uploads at the same moment; their answers in the order given. */
    private static List<Http.Response> race(List<Supplier<Http.Response>> uploads) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Http.Response>> running = new ArrayList<>();
        for (Supplier<Http.Response> u : uploads) {
            running.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return u.get();
            }, UPLOADERS));
        }
        start.countDown();
        List<Http.Response> answers = new ArrayList<>();
        for (CompletableFuture<Http.Response> f : running) {
            answers.add(f.get());
        }
        return answers;
    }
}
