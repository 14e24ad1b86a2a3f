package io.berth.core.mcp;

import static io.berth.core.mcp.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.LogLevel;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-request {@code _meta} envelope of 2026-07-28. */
class ModernEnvelopeTest {

    private static final String VERSION_KEY = "io.modelcontextprotocol/protocolVersion";
    private static final String CAPS_KEY = "io.modelcontextprotocol/clientCapabilities";
    private static final String LEVEL_KEY = "io.modelcontextprotocol/logLevel";

    /** params whose _meta holds the given members (JSON text, single quotes allowed) besides nothing else. */
    private static JsonObject params(String metaMembers) {
        return obj("{'_meta':{" + metaMembers + "}}");
    }

    private static String version() {
        return "'" + VERSION_KEY + "':'2026-07-28'";
    }

    private static String caps(String capabilities) {
        return "'" + CAPS_KEY + "':" + capabilities;
    }

    private static ModernEnvelope envelope(String capabilities) {
        return ModernEnvelope.of(params(version() + "," + caps(capabilities)));
    }

    private static void invalid(JsonObject params, String message) {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> ModernEnvelope.of(params));
        assertEquals(-32602, e.error().code());
        assertEquals(400, e.httpStatus());
        assertEquals(message, e.error().message());
    }

    @Test
    void readsTheRequiredMembers() {
        ModernEnvelope e = envelope("{'sampling':{}}");
        assertEquals("2026-07-28", e.protocolVersion());
        assertEquals(obj("{'sampling':{}}"), e.clientCapabilities());
        assertNull(e.logLevel());
        assertNull(e.progressToken());
    }

    @Test
    void aMissingMetaIsInvalidParamsWith400() {
        String message = "params._meta is required: this endpoint speaks 2026-07-28, which has no initialize";
        invalid(obj("{}"), message);
        invalid(obj("{'_meta':'2026-07-28'}"), message);
        invalid(obj("{'name':'x','protocolVersion':'2026-07-28'}"), message);
    }

    @Test
    void aMissingOrNonStringProtocolVersionIsInvalidParamsWith400() {
        String message = "params._meta[\"" + VERSION_KEY + "\"] must be a string";
        invalid(params(caps("{}")), message);
        invalid(params("'" + VERSION_KEY + "':20260728," + caps("{}")), message);
        invalid(params("'" + VERSION_KEY + "':null," + caps("{}")), message);
    }

    @Test
    void missingOrNonObjectCapabilitiesAreInvalidParamsWith400() {
        String message = "params._meta[\"" + CAPS_KEY + "\"] must be an object ({} for none)";
        invalid(params(version()), message);
        invalid(params(version() + "," + caps("[]")), message);
        invalid(params(version() + "," + caps("true")), message);
    }

    @Test
    void clientInfoIsOptional() {
        ModernEnvelope without = envelope("{}");
        ModernEnvelope with = ModernEnvelope.of(params(version() + "," + caps("{}")
                + ",'io.modelcontextprotocol/clientInfo':{'name':'c','version':'1'}"));
        assertEquals(without, with);
    }

    @ParameterizedTest
    @CsvSource({"debug,DEBUG", "info,INFO", "notice,NOTICE", "warning,WARNING", "error,ERROR", "critical,CRITICAL",
            "alert,ALERT", "emergency,EMERGENCY"})
    void readsEveryLogLevel(String wire, LogLevel level) {
        assertEquals(level, ModernEnvelope.of(params(version() + "," + caps("{}") + ",'" + LEVEL_KEY + "':'" + wire
                + "'")).logLevel());
    }

    @ParameterizedTest
    @ValueSource(strings = {"verbose", "warn", "", "trace"})
    void anUnknownLogLevelIsInvalidParams(String level) {
        invalid(params(version() + "," + caps("{}") + ",'" + LEVEL_KEY + "':'" + level + "'"),
                "Unknown log level: " + level);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "null", "['info']", "{}"})
    void aNonStringLogLevelIsInvalidParams(String level) {
        invalid(params(version() + "," + caps("{}") + ",'" + LEVEL_KEY + "':" + level),
                "params._meta[\"" + LEVEL_KEY + "\"] must be a string");
    }

    @Test
    void readsTheProgressToken() {
        assertEquals(Json.value("'tok-1'"),
                ModernEnvelope.of(params(version() + "," + caps("{}") + ",'progressToken':'tok-1'")).progressToken());
        assertEquals(Json.value("7"),
                ModernEnvelope.of(params(version() + "," + caps("{}") + ",'progressToken':7")).progressToken());
    }

    @Test
    void claimedVersionIsTheBodyClaimOrNull() {
        assertEquals("2026-07-28", ModernEnvelope.claimedVersion(params(version())));
        assertEquals("1999-01-01", ModernEnvelope.claimedVersion(params("'" + VERSION_KEY + "':'1999-01-01'")));
        assertNull(ModernEnvelope.claimedVersion(null));
        assertNull(ModernEnvelope.claimedVersion(obj("{}")));
        assertNull(ModernEnvelope.claimedVersion(obj("{'_meta':[]}")));
        assertNull(ModernEnvelope.claimedVersion(params("'" + VERSION_KEY + "':1")));
        assertNull(ModernEnvelope.claimedVersion(obj("{'protocolVersion':'2025-11-25'}")));
    }

    @Test
    void anEmptyElicitationObjectMeansFormOnly() {
        ModernEnvelope e = envelope("{'elicitation':{}}");
        assertTrue(e.acceptsElicitation("form"));
        assertFalse(e.acceptsElicitation("url"));
    }

    @Test
    void listedElicitationModesAreTheOnlyOnes() {
        ModernEnvelope form = envelope("{'elicitation':{'form':{}}}");
        assertTrue(form.acceptsElicitation("form"));
        assertFalse(form.acceptsElicitation("url"));
        ModernEnvelope url = envelope("{'elicitation':{'url':{}}}");
        assertTrue(url.acceptsElicitation("url"));
        assertFalse(url.acceptsElicitation("form"));
        ModernEnvelope both = envelope("{'elicitation':{'form':{},'url':{}}}");
        assertTrue(both.acceptsElicitation("form"));
        assertTrue(both.acceptsElicitation("url"));
    }

    @Test
    void noOrMalformedElicitationAcceptsNothing() {
        for (String caps : new String[] {"{}", "{'elicitation':true}", "{'elicitation':{'url':true}}",
                "{'sampling':{}}"}) {
            ModernEnvelope e = envelope(caps);
            assertFalse(e.acceptsElicitation("form"), caps);
            assertFalse(e.acceptsElicitation("url"), caps);
        }
    }

    @Test
    void declaresReadsTopLevelCapabilityObjects() {
        ModernEnvelope e = envelope("{'sampling':{},'roots':{'listChanged':true},'elicitation':false}");
        assertTrue(e.declares("sampling"));
        assertTrue(e.declares("roots"));
        assertFalse(e.declares("elicitation"));
        assertFalse(e.declares("experimental"));
    }

    @Test
    void declaresExtensionNeedsAnObjectUnderExtensions() {
        assertTrue(envelope("{'extensions':{'io.modelcontextprotocol/tasks':{}}}")
                .declaresExtension(ModernEnvelope.TASKS_EXTENSION));
        assertFalse(envelope("{}").declaresExtension(ModernEnvelope.TASKS_EXTENSION));
        assertFalse(envelope("{'extensions':{}}").declaresExtension(ModernEnvelope.TASKS_EXTENSION));
        assertFalse(envelope("{'extensions':{'io.modelcontextprotocol/tasks':true}}")
                .declaresExtension(ModernEnvelope.TASKS_EXTENSION));
        assertFalse(envelope("{'extensions':{'io.modelcontextprotocol/other':{}}}")
                .declaresExtension(ModernEnvelope.TASKS_EXTENSION));
        assertFalse(envelope("{'io.modelcontextprotocol/tasks':{}}").declaresExtension(ModernEnvelope.TASKS_EXTENSION));
        assertFalse(envelope("{'extensions':['io.modelcontextprotocol/tasks']}")
                .declaresExtension(ModernEnvelope.TASKS_EXTENSION));
    }
}
