package io.berth.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Berth nodes on loopback form one Hazelcast cluster over one PostgreSQL database: a tenant suspended or deleted
 * through node A is refused on node B at once, even though node B had the tenant cached as active.
 */
class TenantSuspensionClusterIT {

    /** Generous for a loaded CI machine; the measured propagation is a few milliseconds. */
    private static final Duration PROPAGATION = Duration.ofSeconds(1);

    private final URI a = BerthNodes.nodeA();
    private final URI b = BerthNodes.nodeB();
    private final OperatorClient viaA = new OperatorClient(a);
    private final OperatorClient viaB = new OperatorClient(b);

    @BeforeAll
    static void clusterFormed() {
        BerthNodes.awaitReady();
        for (URI node : BerthNodes.all()) {
            await("both members in " + node).atMost(Duration.ofSeconds(60)).until(() ->
                    Http.get(node.resolve("/health/ready")).body().contains("\"members\":2"));
        }
    }

    @Test
    void suspensionThroughOneNodeIsRefusedOnTheOther() {
        String id = OperatorClient.uniqueTenantId("cluster");
        assertEquals(201, viaA.create(id, "Cluster").status());
        String token = Agents.token(a, Agents.apiKey(id));
        // Node B serves the tenant, and so has its status in its near cache.
        assertEquals("passed", TenantGate.verdict(b, id, token));
        assertEquals("passed", TenantGate.verdict(b, id, token));

        assertEquals(200, viaA.suspend(id).status());
        await("suspension visible on node B").atMost(PROPAGATION).pollInterval(Duration.ofMillis(5))
                .until(() -> TenantGate.verdict(b, id, token).equals("tenant-suspended"));
        assertEquals("suspended", viaB.get(viaB.tenant(id)).json().getString("status"));

        assertEquals(200, viaB.activate(id).status());
        await("reactivation visible on node A").atMost(PROPAGATION).pollInterval(Duration.ofMillis(5))
                .until(() -> TenantGate.verdict(a, id, token).equals("passed"));

        assertEquals(204, viaB.delete(id).status());
        // The tenant's tokens go with it, on every node: its agents are strangers on node A at once.
        await("deletion visible on node A").atMost(PROPAGATION).pollInterval(Duration.ofMillis(5))
                .until(() -> TenantGate.call(a, id, token).status() == 401);
        assertEquals(404, viaA.get(viaA.tenant(id)).status());
    }

    @Test
    void aTenantCreatedOnOneNodeIsServedByTheOther() {
        String id = OperatorClient.uniqueTenantId("spread");
        // Node B remembers the id as unknown (a stranger sees only the usual challenge).
        assertEquals(401, TenantGate.call(b, id).status());
        assertEquals(201, viaA.create(id, "Spread").status());
        String token = Agents.token(a, Agents.apiKey(id));
        await("creation visible on node B").atMost(PROPAGATION).pollInterval(Duration.ofMillis(5))
                .until(() -> TenantGate.verdict(b, id, token).equals("passed"));
    }
}
