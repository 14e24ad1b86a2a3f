package io.berth.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Raw MCP 2026-07-28 calls to one tenant's endpoint on one node, for tests that check every status, header and code.
 * Every POST stands alone: the {@code _meta} envelope (protocol version, client capabilities) in the body, and the
 * routing headers {@code MCP-Protocol-Version}, {@code Mcp-Method} and, where the spec asks for it, {@code Mcp-Name}.
 * Nothing is remembered between requests, so the same request may go to any node.
 */
final class StatelessClient {

    static final String VERSION = "2026-07-28";
    static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";
    static final String TASKS = "io.modelcontextprotocol/tasks";

    /** Which body member {@code Mcp-Name} mirrors (streamable-http.mdx; tasks extension §Routing Headers). */
    private static final Map<String, String> NAMED_BY = Map.of("tools/call", "name", "prompts/get", "name",
            "resources/read", "uri", "tasks/get", "taskId", "tasks/update", "taskId", "tasks/cancel", "taskId");
    private static final AtomicLong IDS = new AtomicLong(1000);

    private final URI endpoint;
    private final JsonObject capabilities;
    private final List<String> extraHeaders;

    StatelessClient(URI node, String tenant, JsonObject capabilities) {
        this(node, tenant, capabilities, List.of());
    }

    private StatelessClient(URI node, String tenant, JsonObject capabilities, List<String> extraHeaders) {
        this.endpoint = node.resolve("/t/" + tenant + "/mcp");
        this.capabilities = capabilities;
        this.extraHeaders = extraHeaders;
    }

    /** The same client, sending {@code Authorization: Bearer <token>} with every request. */
    static StatelessClient withToken(URI node, String tenant, JsonObject capabilities, String token) {
        return new StatelessClient(node, tenant, capabilities, List.of("Authorization", "Bearer " + token));
    }

    URI endpoint() {
        return endpoint;
    }

    /** Sends {@code method} with {@code params} (without {@code _meta}, which is added) under a fresh id. */
    Http.Response request(String method, JsonObject params) {
        return post(body(Json.createValue(IDS.incrementAndGet()), method, params), routingHeaders(method, params));
    }

    /** The complete JSON-RPC request: {@code params} plus the envelope. */
    JsonObject body(JsonValue id, String method, JsonObject params) {
        JsonObject meta = Json.createObjectBuilder()
                .add(PROTOCOL_VERSION, VERSION)
                .add(CLIENT_CAPABILITIES, capabilities)
                .add("io.modelcontextprotocol/clientInfo", Json.createObjectBuilder()
                        .add("name", "berth-it").add("version", "1"))
                .build();
        return Json.createObjectBuilder()
                .add("jsonrpc", "2.0").add("id", id).add("method", method)
                .add("params", Json.createObjectBuilder(params).add("_meta", meta))
                .build();
    }

    /** The headers a correct client sends with {@code method}: version, method, and the name where required. */
    static String[] routingHeaders(String method, JsonObject params) {
        List<String> headers = new ArrayList<>(List.of("MCP-Protocol-Version", VERSION, "Mcp-Method", method));
        String member = NAMED_BY.get(method);
        if (member != null && params.get(member) instanceof JsonString name) {
            headers.addAll(List.of("Mcp-Name", name.getString()));
        }
        return headers.toArray(String[]::new);
    }

    /** POSTs {@code body} as it is, with {@code headers} (name/value pairs) besides Accept and Content-Type. */
    Http.Response post(JsonObject body, String... headers) {
        return post(body.toString(), headers);
    }

    Http.Response post(String body, String... headers) {
        List<String> all = new ArrayList<>(List.of("Accept", McpClient.ACCEPT));
        all.addAll(extraHeaders);
        all.addAll(List.of(headers));
        return Http.send("POST", endpoint, "application/json", body, all.toArray(String[]::new));
    }

    /** The same request as {@link #request}, sent so that its event stream can be read as it arrives. */
    HttpRequest streamingRequest(JsonValue id, String method, JsonObject params) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", McpClient.ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(body(id, method, params).toString()));
        List<String> headers = new ArrayList<>(extraHeaders);
        headers.addAll(List.of(routingHeaders(method, params)));
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            b.header(headers.get(i), headers.get(i + 1));
        }
        return b.build();
    }

    /** The JSON-RPC response in {@code r}: the body, or for an event stream its last message (the response). */
    static JsonObject message(Http.Response r) {
        if (!r.contentType().startsWith("text/event-stream")) {
            return r.json();
        }
        JsonObject last = null;
        for (String line : r.body().split("\n")) {
            if (line.startsWith("data:")) {
                JsonObject m = parse(line.substring(5).strip());
                if (m.containsKey("result") || m.containsKey("error")) {
                    last = m;
                }
            }
        }
        if (last == null) {
            throw new AssertionError("No JSON-RPC response in the event stream:\n" + r.body());
        }
        return last;
    }

    /** The result of a successful call; fails with the whole answer otherwise. */
    static JsonObject result(Http.Response r) {
        if (r.status() != 200) {
            throw new AssertionError("HTTP " + r.status() + ": " + r.body());
        }
        JsonObject m = message(r);
        if (m.containsKey("error")) {
            throw new AssertionError("JSON-RPC error: " + m.getJsonObject("error"));
        }
        return m.getJsonObject("result");
    }

    /** The JSON-RPC error of a refused call; fails with the whole answer if there is none. */
    static JsonObject error(Http.Response r) {
        JsonObject m = message(r);
        if (!m.containsKey("error")) {
            throw new AssertionError("Expected a JSON-RPC error, got HTTP " + r.status() + ": " + r.body());
        }
        return m.getJsonObject("error");
    }

    /** The text of the first content block of a CallToolResult. */
    static String text(JsonObject callToolResult) {
        return callToolResult.getJsonArray("content").getJsonObject(0).getString("text");
    }

    static JsonObject json(String text) {
        return parse(text);
    }

    private static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
