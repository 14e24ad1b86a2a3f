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

    /** Opens a GET event stream ({@code headers} as name/value pairs). */
    static SseEvents get(URI endpoint, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).header("Accept", "text/event-stream").GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return new SseEvents(Http.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofLines()));
    }

    /** Sends {@code request} and reads its answer as an event stream (or a plain JSON body, see {@link #next()}). */
    static SseEvents send(HttpRequest request) throws Exception {
        return new SseEvents(Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofLines()));
    }

    int status() {
        return response.statusCode();
    }

    /** One SSE event: its name ("message" when unnamed) and data; comments are skipped. */
    record Event(String name, String data) {
    }

    /** The next event, or null at the end of the stream. */
    Event nextEvent() {
        String name = "message";
        StringBuilder data = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    return new Event(name, data.toString());
                }
                name = "message";
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
        return null;
    }

    /** The next raw line (comments included), or null at the end. */
    String nextLine() {
        return lines.hasNext() ? lines.next() : null;
    }

    static JsonObject json(String data) {
        return parse(data);
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
