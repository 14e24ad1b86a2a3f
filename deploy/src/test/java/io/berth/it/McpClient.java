package io.berth.it;

import jakarta.json.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Raw Streamable HTTP calls to one tenant's MCP endpoint, for tests that check every status and header. */
final class McpClient {

    static final String ACCEPT = "application/json, text/event-stream";

    private final URI endpoint;
    private String sessionId;
    private int nextId = 1;
    private String token;

    McpClient(URI node, String tenant) {
        this.endpoint = node.resolve("/t/" + tenant + "/mcp");
    }

    /** A client sending {@code Authorization: Bearer <token>} with every request. */
    McpClient(URI node, String tenant, String token) {
        this(node, tenant);
        this.token = token;
    }

    /** Sends another token from now on (a refreshed one, or another agent's). */
    void useToken(String bearerToken) {
        this.token = bearerToken;
    }

    /** The Authorization header pair of this client, or none. */
    String[] auth() {
        return token == null ? new String[0] : new String[] {"Authorization", "Bearer " + token};
    }

    URI endpoint() {
        return endpoint;
    }

    String sessionId() {
        return sessionId;
    }

    /** initialize + notifications/initialized; returns the initialize response. */
    Http.Response initialize(String protocolVersion) {
        return initialize(protocolVersion, "{}");
    }

    /** initialize declaring {@code capabilities} (a JSON object) + notifications/initialized. */
    Http.Response initialize(String protocolVersion, String capabilities) {
        Http.Response r = post("{\"jsonrpc\":\"2.0\",\"id\":" + (nextId++) + ",\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"" + protocolVersion + "\",\"capabilities\":" + capabilities + ","
                + "\"clientInfo\":{\"name\":\"berth-it\",\"version\":\"1\"}}}");
        sessionId = r.header("Mcp-Session-Id").orElse(null);
        if (sessionId != null) {
            Http.Response ack = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            if (ack.status() != 202) {
                throw new AssertionError("initialized notification answered " + ack.status() + ": " + ack.body());
            }
        }
        return r;
    }

    Http.Response request(String method, String params) {
        return post("{\"jsonrpc\":\"2.0\",\"id\":" + (nextId++) + ",\"method\":\"" + method + "\""
                + (params == null ? "" : ",\"params\":" + params) + "}");
    }

    Http.Response post(String body, String... extraHeaders) {
        List<String> headers = new ArrayList<>(List.of("Accept", ACCEPT));
        headers.addAll(List.of(auth()));
        if (sessionId != null) {
            headers.addAll(List.of("Mcp-Session-Id", sessionId));
        }
        headers.addAll(List.of(extraHeaders));
        return Http.send("POST", endpoint, "application/json", body, headers.toArray(String[]::new));
    }

    Http.Response delete() {
        List<String> headers = new ArrayList<>(List.of(auth()));
        headers.addAll(List.of("Mcp-Session-Id", sessionId));
        return Http.send("DELETE", endpoint, null, null, headers.toArray(String[]::new));
    }

    void useSession(String id) {
        this.sessionId = id;
    }

    static JsonObject result(Http.Response r) {
        if (r.status() != 200) {
            throw new AssertionError("HTTP " + r.status() + ": " + r.body());
        }
        JsonObject message = r.json();
        if (message.containsKey("error")) {
            throw new AssertionError("JSON-RPC error: " + message.getJsonObject("error"));
        }
        return message.getJsonObject("result");
    }

    static int errorCode(Http.Response r) {
        return r.json().getJsonObject("error").getInt("code");
    }
}
