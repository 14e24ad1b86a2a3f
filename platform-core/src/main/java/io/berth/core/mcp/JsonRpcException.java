package io.berth.core.mcp;

import jakarta.json.JsonValue;

/**
 * Ends handling of one message with a JSON-RPC error. {@code httpStatus} applies when the error is the whole HTTP
 * answer (malformed messages, session problems); errors from methods travel with 200.
 */
public final class JsonRpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient JsonValue id;
    private final transient JsonRpcError error;
    private final int httpStatus;

    public JsonRpcException(JsonValue id, JsonRpcError error, int httpStatus) {
        super(error.message(), null, false, false);
        this.id = id;
        this.error = error;
        this.httpStatus = httpStatus;
    }

    /** An error answering a well-formed request: HTTP 200, the error in the body. */
    public static JsonRpcException of(int code, String message) {
        return new JsonRpcException(null, JsonRpcError.of(code, message), 200);
    }

    public JsonValue id() {
        return id;
    }

    public JsonRpcError error() {
        return error;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The same error, answering the request with {@code requestId}. */
    public JsonRpcException withId(JsonValue requestId) {
        return id != null ? this : new JsonRpcException(requestId, error, httpStatus);
    }
}
