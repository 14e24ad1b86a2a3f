package io.berth.core.mcp;

import static io.berth.core.mcp.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** resultType, cache hints and serverInfo on every 2026-07-28 result. */
class ModernResultsTest {

    private static final JsonObject SERVER_INFO = Json.raw("{\"name\":\"" + McpMethods.SERVER_NAME
            + "\",\"version\":\"" + McpMethods.SERVER_VERSION + "\"}");

    @Test
    void completeAddsResultTypeAndServerInfoButNoCacheHints() {
        JsonObject r = ModernResults.complete(obj("{'tools':[]}"));
        assertEquals("complete", r.getString("resultType"));
        assertEquals(obj("{'tools':[]}").getJsonArray("tools"), r.getJsonArray("tools"));
        assertEquals(SERVER_INFO, r.getJsonObject("_meta").getJsonObject("io.modelcontextprotocol/serverInfo"));
        assertFalse(r.containsKey("ttlMs"));
        assertFalse(r.containsKey("cacheScope"));
        assertEquals(3, r.size());
    }

    @Test
    void cacheableAddsTtlAndScope() {
        JsonObject shared = ModernResults.cacheable(obj("{}"), 300_000, true);
        assertEquals(300_000, shared.getJsonNumber("ttlMs").longValueExact());
        assertEquals("public", shared.getString("cacheScope"));
        assertEquals("complete", shared.getString("resultType"));
        JsonObject own = ModernResults.cacheable(obj("{}"), 0, false);
        assertEquals(0, own.getJsonNumber("ttlMs").longValueExact());
        assertEquals("private", own.getString("cacheScope"));
    }

    @Test
    void typedWithoutScopeCarriesNoHints() {
        JsonObject r = ModernResults.typed(obj("{'inputRequests':{}}"), "input_required", 60_000, null);
        assertEquals("input_required", r.getString("resultType"));
        assertFalse(r.containsKey("ttlMs"));
        assertFalse(r.containsKey("cacheScope"));
    }

    @Test
    void serverInfoIsMergedIntoAnExistingMeta() {
        JsonObject r = ModernResults.complete(obj("{'_meta':{'io.modelcontextprotocol/subscriptionId':5,"
                + "'io.modelcontextprotocol/serverInfo':{'name':'spoofed','version':'0'}}}"));
        JsonObject meta = r.getJsonObject("_meta");
        assertEquals(5, meta.getInt("io.modelcontextprotocol/subscriptionId"));
        assertEquals(SERVER_INFO, meta.getJsonObject("io.modelcontextprotocol/serverInfo"));
        assertEquals(2, meta.size());
    }

    @Test
    void aResultTypeInThePayloadIsReplaced() {
        assertEquals("task", ModernResults.typed(obj("{'resultType':'complete'}"), "task", -1, null)
                .getString("resultType"));
    }

    @Test
    void emptyIsACompleteAck() {
        JsonObject r = ModernResults.empty();
        assertEquals("complete", r.getString("resultType"));
        assertEquals(SERVER_INFO, r.getJsonObject("_meta").getJsonObject("io.modelcontextprotocol/serverInfo"));
        assertEquals(2, r.size());
    }
}
