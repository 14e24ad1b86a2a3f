package io.berth.it;

import static io.berth.it.StatelessClient.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A plugin uploaded on one node of the PostgreSQL cluster is live on the other: its tools answer there, within a
 * second (the plugin runtime issue's target, measured and asserted here), and agents listening there hear the list
 * change.
 */
class PluginClusterIT {

    private static final Duration LIVE = Duration.ofSeconds(15);
    private static final int DEPLOYS = 20;
    private static final long POLL_MS = 10;
    /** How long a single deploy is waited for. */
    private static final long DEADLINE_MS = 5_000;
    /**
     * The plugin runtime issue's target: a deploy on one node is live on all nodes within 1 s. Measured on the loaded
     * 2-core test machine: p99 31-95 ms, so the target is asserted as it is.
     */
    private static final long TARGET_MS = 1_000;

    @BeforeAll
    static void clusterFormed() {
        // With -Dit.test the Failsafe excludes do not apply, so the single-node H2 run may pick this class up too.
        assumeTrue(BerthNodes.all().size() >= 2, "a cluster scenario: needs two nodes");
        BerthNodes.awaitReady();
        for (URI node : BerthNodes.all()) {
            await("both members in " + node).atMost(Duration.ofSeconds(60)).until(() ->
                    Http.get(node.resolve("/health/ready")).body().contains("\"members\":2"));
        }
    }

    private static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void pluginUploadedOnOneNodeAnswersOnTheOther() {
        TenantApiClient.Tenant tenant = TenantApiClient.newTenant("plug-cluster");
        String tool = unique("hello");
        Http.Response r = new TenantApiClient(BerthNodes.nodeA(), tenant).upload("greeter",
                PluginJars.textTool("cluster.v1", tool, "Hello", "Says hello", "hello from A's upload"));
        assertEquals(201, r.status(), r.body());

        TenantTools onB = new TenantTools(BerthNodes.nodeB(), tenant.id());
        await(tool + " on node B").atMost(LIVE).pollInterval(Duration.ofMillis(50))
                .until(() -> "hello from A's upload".equals(onB.answerOrNull(tool)));

        // And back: a version uploaded on B replaces it on A.
        r = new TenantApiClient(BerthNodes.nodeB(), tenant).upload("greeter",
                PluginJars.textTool("cluster.v2", tool, "Hello", "Says hello", "hello from B's upload"));
        assertEquals(201, r.status(), r.body());
        TenantTools onA = new TenantTools(BerthNodes.nodeA(), tenant.id());
        await(tool + " v2 on node A").atMost(LIVE).pollInterval(Duration.ofMillis(50))
                .until(() -> "hello from B's upload".equals(onA.answerOrNull(tool)));
    }

    /**
     * From the upload's 201 on node A to the first {@code tools/list} on node B that shows the new version (each
     * version has its own title, which is not pinned, so each deploys at once), over {@value #DEPLOYS} deploys.
     */
    @Test
    void deployOnOneNodeIsLiveOnTheOtherWithinTheDeadline() {
        TenantApiClient.Tenant tenant = TenantApiClient.newTenant("plug-propagation");
        TenantApiClient onA = new TenantApiClient(BerthNodes.nodeA(), tenant);
        TenantTools onB = new TenantTools(BerthNodes.nodeB(), tenant.id());
        String tool = unique("timed");
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i <= DEPLOYS; i++) {
            String title = "revision " + i;
            byte[] jar = PluginJars.textTool("timed.v" + i, tool, title, "Answers its revision", title);
            Http.Response r = onA.upload("timed", jar);
            long accepted = System.nanoTime();
            assertEquals(201, r.status(), r.body());
            assertTrue(r.json().getBoolean("active"), r.body());
            long ms = untilListed(onB, tool, title, accepted);
            if (i > 0) { // the first deploy also loads the tenant's first plugin and warms up the JIT: not counted
                millis.add(ms);
            }
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("PluginClusterIT: deploy on node A -> listed on node B, %d deploys: p50 %d ms, p99 %d ms, "
                        + "max %d ms, all %s%n", sorted.size(), percentile(sorted, 50), percentile(sorted, 99),
                sorted.get(sorted.size() - 1), millis);
        assertTrue(percentile(sorted, 99) <= TARGET_MS, "p99 " + percentile(sorted, 99) + " ms: " + millis);
    }

    /** Polls node B every {@value #POLL_MS} ms; the milliseconds from {@code since} to the first listing. */
    private static long untilListed(TenantTools node, String tool, String title, long since) {
        while (true) {
            if (title.equals(node.title(tool))) {
                return (System.nanoTime() - since) / 1_000_000;
            }
            long elapsed = (System.nanoTime() - since) / 1_000_000;
            assertTrue(elapsed < DEADLINE_MS, "'" + title + "' not listed on node B after " + elapsed + " ms");
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    @Test
    void listenerOnOneNodeHearsADeployOnTheOther() throws Exception {
        TenantApiClient.Tenant tenant = TenantApiClient.newTenant("plug-listen");
        StatelessClient onB = new StatelessClient(BerthNodes.nodeB(), tenant.id(), JsonObject.EMPTY_JSON_OBJECT);
        String id = "listen-" + UUID.randomUUID();
        try (ListenStream stream = ListenStream.open(onB, id, json("{\"toolsListChanged\":true}"))) {
            JsonObject ack = stream.expect(LIVE, "notifications/subscriptions/acknowledged");
            assertEquals("notifications/subscriptions/acknowledged", ack.getString("method"), ack.toString());

            Http.Response r = new TenantApiClient(BerthNodes.nodeA(), tenant).upload("news",
                    PluginJars.textTool("news", unique("news"), "News", "Is new", "new"));
            assertEquals(201, r.status(), r.body());

            JsonObject changed = stream.expect(LIVE, "notifications/tools/list_changed");
            assertEquals("notifications/tools/list_changed", changed.getString("method"), changed.toString());
            assertEquals(Json.createValue(id), ListenStream.subscriptionId(changed), changed.toString());
        }
    }
}
