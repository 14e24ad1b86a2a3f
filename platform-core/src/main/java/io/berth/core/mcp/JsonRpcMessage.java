package io.berth.core.mcp;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** A JSON-RPC 2.0 message as received. {@code id} is a JSON string or number; {@code params} is never null. */
public sealed interface JsonRpcMessage {

    record Request(JsonValue id, String method, JsonObject params) implements JsonRpcMessage {
    }

    record Notification(String method, JsonObject params) implements JsonRpcMessage {
    }

    /** A response from the client to a request of ours ({@code result} or {@code error} set). */
    record Response(JsonValue id, JsonObject body) implements JsonRpcMessage {
    }
}
