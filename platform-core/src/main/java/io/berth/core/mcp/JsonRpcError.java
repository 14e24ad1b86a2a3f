package io.berth.core.mcp;

import jakarta.json.JsonValue;

/** A JSON-RPC error object. {@code data} may be {@code null}. Messages help the caller and carry no internals. */
public record JsonRpcError(int code, String message, JsonValue data) {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** Unknown or terminated session (the TypeScript SDK's code for the same condition). */
    public static final int SESSION_NOT_FOUND = -32001;

    public static JsonRpcError of(int code, String message) {
        return new JsonRpcError(code, message, null);
    }
}
