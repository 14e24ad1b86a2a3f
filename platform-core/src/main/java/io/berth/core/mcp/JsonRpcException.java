package io.berth.core.mcp;

import jakarta.json.JsonValue;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Ends handling of one message with a JSON-RPC error. {@code httpStatus} applies when the error is the whole HTTP
 * answer (malformed messages, session problems, a tool the caller lacks scopes for); errors from methods travel with
 * 200.
 */
public final class JsonRpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient JsonValue id;
    private final transient JsonRpcError error;
    private final int httpStatus;
    private final transient Set<String> requiredScopes;

    public JsonRpcException(JsonValue id, JsonRpcError error, int httpStatus) {
        this(id, error, httpStatus, null);
    }

    private JsonRpcException(JsonValue id, JsonRpcError error, int httpStatus, Set<String> requiredScopes) {
        super(error.message(), null, false, false);
        this.id = id;
        this.error = error;
        this.httpStatus = httpStatus;
        this.requiredScopes = requiredScopes;
    }

    /** An error answering a well-formed request: HTTP 200, the error in the body. */
    public static JsonRpcException of(int code, String message) {
        return new JsonRpcException(null, JsonRpcError.of(code, message), 200);
    }

    /**
     * HTTP 403 with an {@code insufficient_scope} challenge naming every scope the offering needs (MCP authorization:
     * all of them in one challenge, those already held included), and a JSON-RPC error for the request.
     *
     * @param offering its kind and name, e.g. {@code tool crm_search}, {@code resource notes://all}
     */
    static JsonRpcException insufficientScope(String offering, Collection<String> needed) {
        return new JsonRpcException(null, JsonRpcError.of(JsonRpcError.INVALID_REQUEST, "Insufficient scope: the "
                + offering + " needs the scopes " + String.join(" ", needed)), 403,
                Collections.unmodifiableSet(new LinkedHashSet<>(needed)));
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

    /** The scopes to name in an {@code insufficient_scope} challenge, or null when this is no such refusal. */
    Set<String> requiredScopes() {
        return requiredScopes;
    }

    /** The same error, answering the request with {@code requestId}. */
    public JsonRpcException withId(JsonValue requestId) {
        return id != null ? this : new JsonRpcException(requestId, error, httpStatus, requiredScopes);
    }
}
