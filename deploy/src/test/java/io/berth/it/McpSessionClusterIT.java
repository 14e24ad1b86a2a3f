package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A session opened on node A is served by node B, and ended on B it is gone on A: no sticky load balancing needed. */
class McpSessionClusterIT {

    private static String tenant;

    @BeforeAll
    static void fixtureTenant() {
        tenant = McpTenants.fixture();
    }

    @Test
    void anyNodeServesAnySession() {
        McpClient onA = new McpClient(BerthNodes.nodeA(), tenant);
        onA.initialize("2025-11-25");
        McpClient onB = new McpClient(BerthNodes.nodeB(), tenant);
        onB.useSession(onA.sessionId());

        assertTrue(McpClient.result(onB.request("tools/call",
                "{\"name\":\"echo\",\"arguments\":{\"message\":\"via B\"}}")).toString().contains("via B"));
        assertEquals(204, onB.delete().status());
        assertEquals(404, onA.request("tools/list", null).status(), "ended on B, gone on A");
    }
}
