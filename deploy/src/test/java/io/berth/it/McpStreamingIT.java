package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A call that reports progress, logs or asks the client something is answered as an event stream: its messages in
 * order, then the result. A client's answer to an elicitation may reach any node.
 */
// Streams are read without a body deadline of their own: a broken server must fail the test, not hang the build.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class McpStreamingIT {

    private static String tenant;

    @BeforeAll
    static void fixtureTenant() {
        tenant = McpTenants.fixture();
    }

    @Test
    void progressArrivesInOrderBeforeTheResult() throws Exception {
        McpClient mcp = session("{}");
        try (SseEvents events = SseEvents.post(mcp.endpoint(), mcp.sessionId(), "{\"jsonrpc\":\"2.0\",\"id\":41,"
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"test_tool_with_progress\",\"arguments\":{},"
                + "\"_meta\":{\"progressToken\":\"tok-1\"}}}")) {
            assertTrue(events.contentType().startsWith("text/event-stream"), events.contentType());
            List<Double> progress = new ArrayList<>();
            JsonObject message;
            while ((message = events.next()) != null && !message.containsKey("id")) {
                assertEquals("notifications/progress", message.getString("method"));
                assertEquals("tok-1", message.getJsonObject("params").getString("progressToken"));
                progress.add(message.getJsonObject("params").getJsonNumber("progress").doubleValue());
            }
            assertEquals(List.of(0.0, 50.0, 100.0), progress);
            assertEquals(41, message.getInt("id"));
            assertFalse(message.getJsonObject("result").getBoolean("isError"));
            assertNull(events.next(), "the stream ends after the response");
        }
    }

    @Test
    void withoutAProgressTokenTheAnswerIsPlainJson() throws Exception {
        McpClient mcp = session("{}");
        try (SseEvents events = SseEvents.post(mcp.endpoint(), mcp.sessionId(), "{\"jsonrpc\":\"2.0\",\"id\":1,"
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"test_tool_with_progress\",\"arguments\":{}}}")) {
            assertTrue(events.contentType().startsWith("application/json"), events.contentType());
            assertEquals(1, events.next().getInt("id"));
        }
    }

    @Test
    void logMessagesFollowTheSessionsLevel() throws Exception {
        McpClient mcp = session("{}");
        assertEquals(3, logMessages(mcp).size());
        assertTrue(McpClient.result(mcp.request("logging/setLevel", "{\"level\":\"warning\"}")).isEmpty());
        assertEquals(0, logMessages(mcp).size(), "info messages are below the warning level");
        assertEquals(-32602, McpClient.errorCode(mcp.request("logging/setLevel", "{\"level\":\"loud\"}")));
    }

    @Test
    void anElicitationIsAnsweredThroughAnyNode() throws Exception {
        McpClient mcp = session("{\"elicitation\":{}}");
        URI answerNode = BerthNodes.all().get(BerthNodes.all().size() - 1);
        try (SseEvents events = SseEvents.post(mcp.endpoint(), mcp.sessionId(), "{\"jsonrpc\":\"2.0\",\"id\":7,"
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"test_elicitation\","
                + "\"arguments\":{\"message\":\"Who are you?\"}}}")) {
            JsonObject ask = events.next();
            assertEquals("elicitation/create", ask.getString("method"));
            assertEquals("Who are you?", ask.getJsonObject("params").getString("message"));
            McpClient answerer = new McpClient(answerNode, tenant);
            answerer.useSession(mcp.sessionId());
            Http.Response posted = answerer.post("{\"jsonrpc\":\"2.0\",\"id\":" + ask.get("id") + ",\"result\":"
                    + "{\"action\":\"accept\",\"content\":{\"username\":\"ada\",\"email\":\"ada@example.com\"}}}");
            assertEquals(202, posted.status());
            JsonObject response = events.next();
            assertEquals(7, response.getInt("id"));
            String text = response.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text");
            assertTrue(text.contains("accept") && text.contains("ada@example.com"), text);
        }
    }

    @Test
    void aClientWithoutElicitationGetsAToolError() {
        McpClient mcp = session("{}");
        JsonObject result = McpClient.result(mcp.request("tools/call",
                "{\"name\":\"test_elicitation\",\"arguments\":{\"message\":\"x\"}}"));
        assertTrue(result.getBoolean("isError"), result.toString());
    }

    private List<JsonObject> logMessages(McpClient mcp) throws Exception {
        List<JsonObject> logs = new ArrayList<>();
        try (SseEvents events = SseEvents.post(mcp.endpoint(), mcp.sessionId(), "{\"jsonrpc\":\"2.0\",\"id\":3,"
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"test_tool_with_logging\",\"arguments\":{}}}")) {
            JsonObject message;
            while ((message = events.next()) != null && !message.containsKey("id")) {
                assertEquals("notifications/message", message.getString("method"));
                logs.add(message);
            }
            assertFalse(message.getJsonObject("result").getBoolean("isError"));
        }
        return logs;
    }

    private static McpClient session(String capabilities) {
        McpClient mcp = new McpClient(BerthNodes.nodeA(), tenant);
        McpClient.result(mcp.initialize("2025-11-25", capabilities));
        return mcp;
    }
}
