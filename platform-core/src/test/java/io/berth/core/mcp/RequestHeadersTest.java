package io.berth.core.mcp;

import static io.berth.core.mcp.Json.obj;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The 2026-07-28 routing headers against the body: every disagreement is -32020 with HTTP 400. */
class RequestHeadersTest {

    private static final String V = "2026-07-28";

    private static HttpServletRequest headers(String... nameValuePairs) {
        return HeaderRequests.with(nameValuePairs);
    }

    private static String b64(String text) {
        return "=?base64?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static JsonRpcException mismatch(Executable check, String message) {
        JsonRpcException e = assertThrows(JsonRpcException.class, check);
        assertEquals(-32020, e.error().code());
        assertEquals(400, e.httpStatus());
        assertNull(e.error().data());
        if (message != null) {
            assertEquals(message, e.error().message());
        }
        return e;
    }

    // --- MCP-Protocol-Version -------------------------------------------------------------------------------------

    @Test
    void versionHeaderEqualToTheClaimPasses() {
        assertDoesNotThrow(() -> RequestHeaders.checkVersion(headers("MCP-Protocol-Version", V), V));
        assertDoesNotThrow(() -> RequestHeaders.checkVersion(headers("mcp-protocol-version", " " + V + "\t"), V));
    }

    @Test
    void versionHeaderIsRequired() {
        mismatch(() -> RequestHeaders.checkVersion(headers(), V), "MCP-Protocol-Version header is required");
    }

    @Test
    void versionHeaderMustEqualTheBodyClaim() {
        mismatch(() -> RequestHeaders.checkVersion(headers("MCP-Protocol-Version", "2025-11-25"), V),
                "Header mismatch: MCP-Protocol-Version header value '2025-11-25' does not match body value '"
                        + V + "'");
    }

    // --- Mcp-Method -----------------------------------------------------------------------------------------------

    @Test
    void methodHeaderIsRequired() {
        mismatch(() -> RequestHeaders.checkRouting(headers(), "tools/list", obj("{}")), "Mcp-Method header is required");
    }

    @Test
    void methodHeaderIsCaseSensitive() {
        mismatch(() -> RequestHeaders.checkRouting(headers("Mcp-Method", "TOOLS/LIST"), "tools/list", obj("{}")),
                "Header mismatch: Mcp-Method header value 'TOOLS/LIST' does not match body value 'tools/list'");
    }

    @Test
    void methodHeaderEqualToTheBodyPassesAndIsTrimmed() {
        assertDoesNotThrow(() -> RequestHeaders.checkRouting(headers("MCP-METHOD", "  tools/list "), "tools/list",
                obj("{}")));
    }

    @Test
    void aMethodWithoutTargetIgnoresMcpName() {
        assertDoesNotThrow(() -> RequestHeaders.checkRouting(
                headers("Mcp-Method", "tools/list", "Mcp-Name", "anything"), "tools/list", obj("{'name':'x'}")));
    }

    // --- Mcp-Name -------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"tools/call,name", "prompts/get,name", "resources/read,uri", "tasks/get,taskId",
            "tasks/update,taskId", "tasks/cancel,taskId"})
    void nameHeaderIsRequiredWhenTheBodyNamesATarget(String method, String member) {
        JsonObject params = obj("{'" + member + "':'target-1'}");
        mismatch(() -> RequestHeaders.checkRouting(headers("Mcp-Method", method), method, params),
                "Mcp-Name header is required for " + method);
    }

    @ParameterizedTest
    @CsvSource({"tools/call,name", "prompts/get,name", "resources/read,uri", "tasks/get,taskId",
            "tasks/update,taskId", "tasks/cancel,taskId"})
    void nameHeaderMustEqualTheTarget(String method, String member) {
        JsonObject params = obj("{'" + member + "':'target-1'}");
        assertDoesNotThrow(() -> RequestHeaders.checkRouting(
                headers("Mcp-Method", method, "Mcp-Name", "target-1"), method, params));
        mismatch(() -> RequestHeaders.checkRouting(headers("Mcp-Method", method, "Mcp-Name", "target-2"), method,
                params), "Header mismatch: Mcp-Name header value 'target-2' does not match body value 'target-1'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tools/call", "prompts/get", "resources/read", "tasks/get", "tasks/update",
            "tasks/cancel"})
    void nameHeaderIsNotRequiredWhenTheBodyLacksTheTarget(String method) {
        assertDoesNotThrow(() -> RequestHeaders.checkRouting(headers("Mcp-Method", method), method, obj("{}")));
    }

    @Test
    void resourcesReadMirrorsTheUriNotTheName() {
        JsonObject params = obj("{'uri':'file:///a.txt','name':'a'}");
        mismatch(() -> RequestHeaders.checkRouting(headers("Mcp-Method", "resources/read", "Mcp-Name", "a"),
                "resources/read", params), null);
        assertDoesNotThrow(() -> RequestHeaders.checkRouting(
                headers("Mcp-Method", "resources/read", "Mcp-Name", "file:///a.txt"), "resources/read", params));
    }

    @Test
    void nameHeaderIsCaseSensitive() {
        mismatch(() -> RequestHeaders.checkRouting(headers("Mcp-Method", "tools/call", "Mcp-Name", "Get_Weather"),
                "tools/call", obj("{'name':'get_weather'}")), null);
    }

    @Test
    void surroundingWhitespaceIsNotPartOfTheValue() {
        assertDoesNotThrow(() -> RequestHeaders.checkRouting(
                headers("Mcp-Method", " tools/call", "Mcp-Name", "\tget_weather  "), "tools/call",
                obj("{'name':'get_weather'}")));
        // but whitespace inside the body value is part of it
        mismatch(() -> RequestHeaders.checkRouting(headers("Mcp-Method", "tools/call", "Mcp-Name", " x "),
                "tools/call", obj("{'name':' x '}")), null);
    }

    // --- =?base64?…?= ---------------------------------------------------------------------------------------------

    @Test
    void base64ValuesAreDecodedAsUtf8() {
        String name = "wetter_überblick_東京";
        assertEquals("=?base64?d2V0dGVyX8O8YmVyYmxpY2tf5p2x5Lqs?=", b64(name));
        assertDoesNotThrow(() -> RequestHeaders.checkRouting(
                headers("Mcp-Method", "tools/call", "Mcp-Name", b64(name)), "tools/call",
                obj("{'name':'" + name + "'}")));
        assertEquals(name, RequestHeaders.value(headers("Mcp-Name", "  " + b64(name) + " "), "Mcp-Name"));
    }

    @Test
    void aDecodedValueMustStillMatch() {
        mismatch(() -> RequestHeaders.checkRouting(headers("Mcp-Method", "tools/call", "Mcp-Name", b64("other")),
                "tools/call", obj("{'name':'get_weather'}")),
                "Header mismatch: Mcp-Name header value 'other' does not match body value 'get_weather'");
    }

    @Test
    void theVersionAndMethodHeadersAreDecodedToo() {
        assertDoesNotThrow(() -> RequestHeaders.checkVersion(headers("MCP-Protocol-Version", b64(V)), V));
        assertDoesNotThrow(() -> RequestHeaders.checkRouting(headers("Mcp-Method", b64("tools/list")), "tools/list",
                obj("{}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SGVsbG8", "SGVs!!!bG8=", "SGVsbG8=====", "SGVsb G8=", "SGVsbA=a", "Pz8_"})
    void base64MustBeStrict(String payload) {
        mismatch(() -> RequestHeaders.value(headers("Mcp-Name", "=?base64?" + payload + "?="), "Mcp-Name"),
                "Mcp-Name header is not valid Base64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=?base64?SGVsbG8=", "base64?SGVsbG8=?=", "?base64?SGVsbG8=?=", "=?b64?SGVsbG8=?=",
            "=?base64?SGVs!!!", "x=?base64?SGVsbG8=?="})
    void valuesWithoutTheFullWrapperAreTakenLiterally(String literal) {
        assertEquals(literal, RequestHeaders.value(headers("Mcp-Name", literal), "Mcp-Name"));
        assertDoesNotThrow(() -> RequestHeaders.checkRouting(headers("Mcp-Method", "tools/call", "Mcp-Name", literal),
                "tools/call", Json.raw("{\"name\":\"" + literal + "\"}")));
    }

    @Test
    void anAbsentHeaderReadsAsNull() {
        assertNull(RequestHeaders.value(headers(), "Mcp-Name"));
    }

    // --- x-mcp-header ---------------------------------------------------------------------------------------------

    private static final Map<String, Object> SCHEMA = Map.of("type", "object", "properties", Map.of(
            "region", Map.of("type", "string", "x-mcp-header", "Region"),
            "count", Map.of("type", "integer", "x-mcp-header", "Count"),
            "dryRun", Map.of("type", "boolean", "x-mcp-header", "Dry-Run"),
            "note", Map.of("type", "string")));

    private static void params(HttpServletRequest req, String arguments) {
        RequestHeaders.checkToolParams(req, SCHEMA, arguments == null ? null : obj(arguments));
    }

    @Test
    void matchingParamHeadersPass() {
        assertDoesNotThrow(() -> params(headers("Mcp-Param-Region", "eu-west", "Mcp-Param-Count", "42",
                "Mcp-Param-Dry-Run", "true"), "{'region':'eu-west','count':42,'dryRun':true,'note':'n'}"));
    }

    @Test
    void anAbsentArgumentNeedsNoHeader() {
        assertDoesNotThrow(() -> params(headers(), "{}"));
        assertDoesNotThrow(() -> params(headers(), null));
        assertDoesNotThrow(() -> params(headers(), "{'region':null}"));
    }

    @Test
    void propertiesWithoutXMcpHeaderAreIgnored() {
        assertDoesNotThrow(() -> params(headers("Mcp-Param-Note", "something else"), "{'note':'n'}"));
        Map<String, Object> odd = Map.of("properties", Map.of("a", Map.of("type", "string", "x-mcp-header", true),
                "b", "not a schema"));
        assertDoesNotThrow(() -> RequestHeaders.checkToolParams(headers(), odd, obj("{'a':'x','b':'y'}")));
        assertDoesNotThrow(() -> RequestHeaders.checkToolParams(headers(), Map.of("type", "object"),
                obj("{'region':'x'}")));
    }

    @Test
    void aMissingHeaderForAPresentArgumentIsRefused() {
        mismatch(() -> params(headers(), "{'region':'eu-west'}"),
                "Mcp-Param-Region header is required when argument 'region' is set");
        mismatch(() -> params(headers(), "{'count':0}"),
                "Mcp-Param-Count header is required when argument 'count' is set");
        mismatch(() -> params(headers(), "{'dryRun':false}"),
                "Mcp-Param-Dry-Run header is required when argument 'dryRun' is set");
    }

    @Test
    void aHeaderForAnAbsentArgumentIsRefused() {
        mismatch(() -> params(headers("Mcp-Param-Region", "eu-west"), "{}"),
                "Header mismatch: Mcp-Param-Region is set but the argument is absent");
        mismatch(() -> params(headers("Mcp-Param-Count", "1"), null),
                "Header mismatch: Mcp-Param-Count is set but the argument is absent");
        mismatch(() -> params(headers("Mcp-Param-Region", "x"), "{'region':null}"), null);
    }

    @Test
    void stringsMustBeEqualExactly() {
        mismatch(() -> params(headers("Mcp-Param-Region", "us-east"), "{'region':'eu-west'}"),
                "Header mismatch: Mcp-Param-Region header value 'us-east' does not match body value \"eu-west\"");
        mismatch(() -> params(headers("Mcp-Param-Region", "EU-WEST"), "{'region':'eu-west'}"), null);
        assertDoesNotThrow(() -> params(headers("Mcp-Param-Region", " eu-west "), "{'region':'eu-west'}"));
        assertDoesNotThrow(() -> params(headers("Mcp-Param-Region", b64("Zürich")), "{'region':'Zürich'}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"42|42", "42|42.0", "042|42", "42.00|42", "-7|-7", "0|0", "4.2E1|42",
            "9007199254740993|9007199254740993"})
    void numbersAreComparedNumerically(String header, String body) {
        assertDoesNotThrow(() -> params(headers("Mcp-Param-Count", header), "{'count':" + body + "}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"43|42", "forty-two|42", "0x2A|42", "42|42.5", "NaN|0",
            "9007199254740992|9007199254740993"})
    void numbersThatDifferAreRefused(String header, String body) {
        mismatch(() -> params(headers("Mcp-Param-Count", header), "{'count':" + body + "}"), null);
    }

    @Test
    void aStringBodyIsComparedAsAStringEvenForANumericProperty() {
        assertDoesNotThrow(() -> params(headers("Mcp-Param-Count", "42"), "{'count':'42'}"));
        mismatch(() -> params(headers("Mcp-Param-Count", "042"), "{'count':'42'}"), null);
    }

    @Test
    void aNumberRefusalNamesBothValues() {
        mismatch(() -> params(headers("Mcp-Param-Count", "43"), "{'count':42}"),
                "Header mismatch: Mcp-Param-Count header value '43' does not match body value 42");
    }

    @Test
    void booleansAreCaseSensitiveWords() {
        assertDoesNotThrow(() -> params(headers("Mcp-Param-Dry-Run", "false"), "{'dryRun':false}"));
        mismatch(() -> params(headers("Mcp-Param-Dry-Run", "false"), "{'dryRun':true}"), null);
        mismatch(() -> params(headers("Mcp-Param-Dry-Run", "TRUE"), "{'dryRun':true}"), null);
        mismatch(() -> params(headers("Mcp-Param-Dry-Run", "1"), "{'dryRun':true}"), null);
    }

    @Test
    void structuredBodyValuesNeverMatch() {
        mismatch(() -> params(headers("Mcp-Param-Region", "[\"a\"]"), "{'region':['a']}"), null);
        mismatch(() -> params(headers("Mcp-Param-Region", "{}"), "{'region':{}}"), null);
    }
}
