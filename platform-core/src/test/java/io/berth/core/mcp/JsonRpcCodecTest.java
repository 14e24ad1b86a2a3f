package io.berth.core.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRpcCodecTest {

    private static JsonRpcMessage read(String body) {
        return JsonRpcCodec.read(body.getBytes(StandardCharsets.UTF_8), 8);
    }

    private static JsonRpcException refused(String body) {
        return assertThrows(JsonRpcException.class, () -> read(body));
    }

    @Test
    void readsRequestsNotificationsAndResponses() {
        var request = assertInstanceOf(JsonRpcMessage.Request.class,
                read("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\",\"params\":{\"cursor\":null}}"));
        assertEquals("tools/list", request.method());
        assertEquals(Json.createValue(7), request.id());
        var notification = assertInstanceOf(JsonRpcMessage.Notification.class,
                read("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
        assertTrue(notification.params().isEmpty(), "absent params read as empty");
        assertInstanceOf(JsonRpcMessage.Response.class, read("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"result\":{}}"));
    }

    @Test
    void malformedJsonIsAParseErrorWith400AndNoId() {
        JsonRpcException e = refused("{\"jsonrpc\":\"2.0\",");
        assertEquals(JsonRpcError.PARSE_ERROR, e.error().code());
        assertEquals(400, e.httpStatus());
        assertNull(e.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{\"jsonrpc\":\"2.0\",\"method\":\"x\"} {}", "{} x", "{\"a\":}"})
    void emptyOrTrailingOrBrokenBodiesAreParseErrors(String body) {
        JsonRpcException e = refused(body);
        assertEquals(JsonRpcError.PARSE_ERROR, e.error().code());
        assertEquals(400, e.httpStatus());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"ping\"", "true", "null"})
    void aScalarIsNotAMessage(String body) {
        assertEquals(JsonRpcError.INVALID_REQUEST, refused(body).error().code());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]",
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
            "{\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}",
            "{\"jsonrpc\":\"2.0\",\"id\":1}"})
    void invalidRequestsAre400(String body) {
        JsonRpcException e = refused(body);
        assertEquals(JsonRpcError.INVALID_REQUEST, e.error().code());
        assertEquals(400, e.httpStatus());
    }

    @Test
    void anInvalidRequestWithAReadableIdKeepsIt() {
        assertEquals(Json.createValue("x"), refused("{\"jsonrpc\":\"1.0\",\"id\":\"x\",\"method\":\"ping\"}").id());
    }

    @Test
    void paramsMustBeAnObject() {
        JsonRpcException e = refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[1]}");
        assertEquals(JsonRpcError.INVALID_PARAMS, e.error().code());
    }

    @Test
    void nestingBeyondTheLimitIsRefused() {
        String deep = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"a\":" + "[".repeat(10)
                + "]".repeat(10) + "}}";
        assertEquals(JsonRpcError.INVALID_REQUEST, refused(deep).error().code());
    }

    @Test
    void writesResultsAndErrorsWithTheRequestId() {
        JsonObject ok = parse(JsonRpcCodec.result(Json.createValue(3), Json.createObjectBuilder().build()));
        assertEquals("2.0", ok.getString("jsonrpc"));
        assertEquals(3, ok.getInt("id"));
        assertTrue(ok.getJsonObject("result").isEmpty());
        JsonObject err = parse(JsonRpcCodec.error(null, JsonRpcError.of(-32601, "Method not found: x")));
        assertTrue(err.isNull("id"));
        assertEquals(-32601, err.getJsonObject("error").getInt("code"));
        assertEquals("Method not found: x", err.getJsonObject("error").getString("message"));
    }

    private static JsonObject parse(String json) {
        try (var r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }
}
