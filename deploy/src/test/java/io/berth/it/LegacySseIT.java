package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.net.URI;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The legacy HTTP+SSE transport (2024-11-05): the stream names the message endpoint, and every answer arrives on the
 * stream, even when the message was posted to another node than the one holding the stream.
 */
// Streams are read without a body deadline of their own: a broken server must fail the test, not hang the build.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LegacySseIT {

    private static String tenant;

    @BeforeAll
    static void fixtureTenant() {
        tenant = McpTenants.fixture();
    }

    @Test
    void answersTravelOnTheStreamFromAnyNode() throws Exception {
        URI postNode = BerthNodes.all().get(BerthNodes.all().size() - 1);
        try (SseEvents stream = SseEvents.get(BerthNodes.nodeA().resolve("/t/" + tenant + "/sse"))) {
            assertEquals(200, stream.status());
            SseEvents.Event endpoint = stream.nextEvent();
            assertEquals("endpoint", endpoint.name());
            assertTrue(endpoint.data().startsWith("/t/" + tenant + "/messages?sessionId="), endpoint.data());
            URI messages = postNode.resolve(endpoint.data());
            assertEquals(415, Http.send("POST", messages, "text/plain", "{}").status());
            assertEquals(413, post(messages, "{\"pad\":\"" + "x".repeat(1_100_000) + "\"}").status());

            assertEquals(202, post(messages, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                    + "\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"legacy\",\"version\":\"1\"}}}").status());
            JsonObject init = SseEvents.json(stream.nextEvent().data());
            assertEquals("2024-11-05", init.getJsonObject("result").getString("protocolVersion"));

            assertEquals(202, post(messages, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                    .status());
            assertEquals(202, post(messages, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
                    + "{\"name\":\"echo\",\"arguments\":{\"message\":\"old times\"}}}").status());
            JsonObject call = SseEvents.json(stream.nextEvent().data());
            assertEquals(2, call.getInt("id"));
            assertTrue(call.getJsonObject("result").toString().contains("old times"), call.toString());

            assertEquals(202, post(messages, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"nope\"}").status());
            assertEquals(-32601, SseEvents.json(stream.nextEvent().data()).getJsonObject("error").getInt("code"));
        }
    }

    @Test
    void postingWithoutAKnownSessionIsRefused() {
        URI messages = BerthNodes.nodeA().resolve("/t/" + tenant + "/messages");
        assertEquals(400, post(messages, "{}").status());
        assertEquals(404, post(URI.create(messages + "?sessionId=unknown"),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").status());
    }

    private static Http.Response post(URI uri, String body) {
        return Http.send("POST", uri, "application/json", body);
    }
}
