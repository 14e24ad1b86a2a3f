package io.berth.core.mcp;

import io.berth.sdk.LogLevel;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Locale;

/**
 * The {@code _meta} envelope every 2026-07-28 request carries: the protocol version and the client's capabilities
 * (both required, read per request and never remembered), and optionally the log level the caller wants on this
 * request's stream and a progress token.
 */
record ModernEnvelope(String protocolVersion, JsonObject clientCapabilities, LogLevel logLevel,
                      JsonValue progressToken) {

    static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";
    static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    static final String TASKS_EXTENSION = "io.modelcontextprotocol/tasks";

    /** The version a request claims in its body, or null when it has no envelope (a session-era message). */
    static String claimedVersion(JsonObject params) {
        return params != null && params.get("_meta") instanceof JsonObject meta
                && meta.get(PROTOCOL_VERSION) instanceof JsonString s ? s.getString() : null;
    }

    /** Reads the envelope of {@code params}; a missing or malformed required member is -32602 (HTTP 400). */
    static ModernEnvelope of(JsonObject params) {
        if (!(params.get("_meta") instanceof JsonObject meta)) {
            throw invalid("params._meta is required: this endpoint speaks 2026-07-28, which has no initialize");
        }
        if (!(meta.get(PROTOCOL_VERSION) instanceof JsonString version)) {
            throw invalid("params._meta[\"" + PROTOCOL_VERSION + "\"] must be a string");
        }
        if (!(meta.get(CLIENT_CAPABILITIES) instanceof JsonObject capabilities)) {
            throw invalid("params._meta[\"" + CLIENT_CAPABILITIES + "\"] must be an object ({} for none)");
        }
        LogLevel level = null;
        JsonValue requested = meta.get(LOG_LEVEL);
        if (requested != null) {
            if (!(requested instanceof JsonString s)) {
                throw invalid("params._meta[\"" + LOG_LEVEL + "\"] must be a string");
            }
            try {
                level = LogLevel.valueOf(s.getString().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("Unknown log level: " + s.getString());
            }
        }
        return new ModernEnvelope(version.getString(), capabilities, level, meta.get("progressToken"));
    }

    /** Whether the client declared a top-level capability ({@code sampling}, {@code roots}, ...) on this request. */
    boolean declares(String capability) {
        return clientCapabilities.get(capability) instanceof JsonObject;
    }

    /**
     * Whether the client accepts elicitation in {@code mode}: an empty {@code elicitation} object means form only
     * (the 2025-11-25 rule); otherwise the mode must be listed.
     */
    boolean acceptsElicitation(String mode) {
        if (!(clientCapabilities.get("elicitation") instanceof JsonObject e)) {
            return false;
        }
        return e.isEmpty() ? mode.equals("form") : e.get(mode) instanceof JsonObject;
    }

    boolean declaresExtension(String extension) {
        return clientCapabilities.get("extensions") instanceof JsonObject ext && ext.get(extension) instanceof JsonObject;
    }

    private static JsonRpcException invalid(String message) {
        return new JsonRpcException(null, JsonRpcError.of(JsonRpcError.INVALID_PARAMS, message), 400);
    }
}
