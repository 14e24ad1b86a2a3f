package io.berth.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.net.URI;
import java.util.Optional;

/** One tenant's tools as an agent sees them on one node: MCP 2026-07-28 stateless {@code tools/list} and calls. */
final class TenantTools {

    private final StatelessClient client;

    TenantTools(URI node, String tenant) {
        this.client = new StatelessClient(node, tenant, JsonObject.EMPTY_JSON_OBJECT);
    }

    /** The tool as {@code tools/list} shows it, if listed. */
    Optional<JsonObject> listed(String name) {
        JsonObject r = StatelessClient.result(client.request("tools/list", JsonObject.EMPTY_JSON_OBJECT));
        return r.getJsonArray("tools").stream().map(v -> v.asJsonObject())
                .filter(t -> t.get("name") instanceof JsonString s && s.getString().equals(name)).findFirst();
    }

    /** The listed description of the tool, or null when it is not listed. */
    String description(String name) {
        return listed(name).map(t -> t.getString("description")).orElse(null);
    }

    /** The listed title of the tool, or null when it is not listed or has none. */
    String title(String name) {
        return listed(name).map(t -> t.getString("title", null)).orElse(null);
    }

    /** Calls the tool without arguments: the raw answer. */
    Http.Response call(String name) {
        return client.request("tools/call", StatelessClient.json("{\"name\":\"" + name + "\",\"arguments\":{}}"));
    }

    /** Calls the tool with {@code arguments}: the raw answer. */
    Http.Response call(String name, JsonObject arguments) {
        return client.request("tools/call", Json.createObjectBuilder().add("name", name).add("arguments", arguments)
                .build());
    }

    /** The CallToolResult of a call that must succeed at the protocol level (it may still be a tool error). */
    JsonObject result(String name) {
        return StatelessClient.result(call(name));
    }

    /** {@link #result(String)} with {@code arguments}. */
    JsonObject result(String name, JsonObject arguments) {
        return StatelessClient.result(call(name, arguments));
    }

    /** The text a tool answers; fails if the call is a protocol error or a tool error. */
    String answer(String name) {
        JsonObject r = result(name);
        if (r.getBoolean("isError", false)) {
            throw new AssertionError("tool " + name + " answered an error: " + r);
        }
        return StatelessClient.text(r);
    }

    /** The text the tool answers, or null while it is unknown (-32602) or failing: for "eventually" checks. */
    String answerOrNull(String name) {
        Http.Response r = call(name);
        JsonObject m = StatelessClient.message(r);
        if (m.containsKey("error") || m.getJsonObject("result").getBoolean("isError", false)) {
            return null;
        }
        return StatelessClient.text(m.getJsonObject("result"));
    }

    /** The JSON-RPC error code of a call that the protocol refuses; fails if the call is answered. */
    int errorCode(String name) {
        return StatelessClient.error(call(name)).getInt("code");
    }
}
