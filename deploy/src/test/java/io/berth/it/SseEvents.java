package io.berth.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

/** Reads a POST's text/event-stream answer message by message, as it arrives. */
final class SseEvents implements AutoCloseable {

    private final HttpResponse<Stream<String>> response;
    private final Iterator<String> lines;

    private SseEvents(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.lines = response.body().iterator();
    }

    static SseEvents post(URI endpoint, String sessionId, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", McpClient.ACCEPT)
                .header("Mcp-Session-Id", sessionId)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return new SseEvents(Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofLines()));
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next JSON-RPC message of the stream (for a plain JSON answer: the body itself), or null at the end. */
    JsonObject next() {
        StringBuilder data = new StringBuilder();
        boolean json = contentType().startsWith("application/json");
        while (lines.hasNext()) {
            String line = lines.next();
            if (json) {
                data.append(line);
                continue;
            }
            if (line.isEmpty() && data.length() > 0) {
                return parse(data.toString());
            }
            if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
        return data.length() > 0 ? parse(data.toString()) : null;
    }

    private static JsonObject parse(String json) {
        try (var r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
