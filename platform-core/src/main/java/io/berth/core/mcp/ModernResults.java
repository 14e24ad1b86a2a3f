package io.berth.core.mcp;

import io.berth.core.json.JsonFactories;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * What every 2026-07-28 result carries besides its payload: {@code resultType}, the server's identity in
 * {@code _meta}, and for cacheable results ({@code server/discover}, lists, reads) how long and for whom a client may
 * reuse it.
 */
final class ModernResults {

    /** Lists change when plugins are deployed; clients also hear that on subscriptions/listen. */
    static final long LIST_TTL_MS = 60_000;
    static final long DISCOVER_TTL_MS = 300_000;
    private static final JsonObject SERVER_INFO = JsonFactories.BUILDERS.createObjectBuilder()
            .add("name", McpMethods.SERVER_NAME).add("version", McpMethods.SERVER_VERSION).build();

    private ModernResults() {
    }

    static JsonObject complete(JsonObject result) {
        return typed(result, "complete", -1, null);
    }

    /**
     * A complete result a client may cache for {@code ttlMs}. {@code private} unless it is the same for every caller
     * of the tenant: lists and reads are filtered by the caller's grants.
     */
    static JsonObject cacheable(JsonObject result, long ttlMs, boolean shared) {
        return typed(result, "complete", ttlMs, shared ? "public" : "private");
    }

    static JsonObject typed(JsonObject result, String resultType, long ttlMs, String cacheScope) {
        JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder(result).add("resultType", resultType);
        if (cacheScope != null) {
            b.add("ttlMs", ttlMs).add("cacheScope", cacheScope);
        }
        JsonObjectBuilder meta = result.get("_meta") instanceof JsonObject m
                ? JsonFactories.BUILDERS.createObjectBuilder(m) : JsonFactories.BUILDERS.createObjectBuilder();
        return b.add("_meta", meta.add(ModernEnvelope.SERVER_INFO, SERVER_INFO)).build();
    }

    static JsonObject empty() {
        return complete(JsonValue.EMPTY_JSON_OBJECT);
    }
}
