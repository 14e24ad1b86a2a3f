package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** GET opens a session's server-to-client stream: kept alive with comments, and closed when the session ends. */
// Streams are read without a body deadline of their own: a broken server must fail the test, not hang the build.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class McpGetStreamIT {

    private static String tenant;

    @BeforeAll
    static void fixtureTenant() {
        tenant = McpTenants.fixture();
    }

    @Test
    void theStreamIsKeptAliveAndEndsWithTheSession() throws Exception {
        McpClient mcp = new McpClient(BerthNodes.nodeA(), tenant);
        mcp.initialize("2025-11-25");
        try (SseEvents stream = SseEvents.get(mcp.endpoint(), "Mcp-Session-Id", mcp.sessionId())) {
            assertEquals(200, stream.status());
            assertTrue(stream.contentType().startsWith("text/event-stream"), stream.contentType());
            // The test servers send a keep-alive comment every second.
            String line;
            do {
                line = stream.nextLine();
            } while (line != null && !line.startsWith(": keep-alive"));
            assertEquals(": keep-alive", line);

            assertEquals(204, mcp.delete().status());
            assertNull(stream.nextEvent(), "ending the session closes its stream");
        }
    }
}
