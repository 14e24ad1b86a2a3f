package io.berth.admin.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.http.Problem;
import io.berth.core.http.ProblemException;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** A request body becomes one JSON object, or a precise 400/413 problem. */
class JsonBodyReaderTest {

    private static JsonObject read(String body) {
        return JsonBodyReader.readObject(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Problem rejected(String body) {
        return assertThrows(ProblemException.class, () -> read(body)).problem();
    }

    private static void assertMalformed(Problem problem) {
        assertEquals(400, problem.status());
        assertEquals("urn:berth:problem:malformed-json", problem.type());
    }

    /** {@code levels} objects nested inside each other. */
    private static String nested(int levels) {
        return "{\"a\":".repeat(levels - 1) + "{}" + "}".repeat(levels - 1);
    }

    /** A valid object of exactly {@code size} bytes, padded with whitespace. */
    private static String objectOfSize(int size) {
        String start = "{\"k\":\"v\"";
        return start + " ".repeat(size - start.length() - 1) + "}";
    }

    @Test
    void parsesAnObject() {
        JsonObject object = read("{\"id\":\"acme\",\"tags\":[\"a\",\"b\"],\"meta\":{\"n\":1}}");

        assertEquals("acme", object.getString("id"));
        assertEquals(2, object.getJsonArray("tags").size());
        assertEquals(1, object.getJsonObject("meta").getInt("n"));
    }

    @Test
    void refusesAnEmptyBody() {
        Problem problem = rejected("");

        assertMalformed(problem);
        assertTrue(problem.detail().contains("empty"), problem.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"id\":\"acme\"}]", "\"acme\"", "42", "null"})
    void refusesAnythingButAnObject(String body) {
        Problem problem = rejected(body);

        assertMalformed(problem);
        assertEquals("The request body must be a JSON object.", problem.detail());
    }

    @Test
    void saysWhereMalformedJsonBreaks() {
        Problem problem = rejected("{\n  \"id\": ,\n}");

        assertMalformed(problem);
        assertTrue(problem.detail().matches(".*\\(line 2, column \\d+\\)\\."), problem.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}{}", "{} x", "{\"id\":\"acme\"},"})
    void refusesContentAfterTheObject(String body) {
        assertMalformed(rejected(body));
    }

    @Test
    void acceptsNestingUpToEightLevels() {
        assertEquals(1, read(nested(8)).size());
    }

    @Test
    void refusesNestingDeeperThanEightLevels() {
        assertMalformed(rejected(nested(9)));
        assertMalformed(rejected("{\"a\":" + "[".repeat(8) + "]".repeat(8) + "}"));
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() {
        String body = objectOfSize(65536);
        assertEquals(65536, body.getBytes(StandardCharsets.UTF_8).length);

        assertEquals("v", read(body).getString("k"));
    }

    @Test
    void stopsReadingOnceTheBodyIsOverTheLimit() {
        var body = new ByteArrayInputStream(objectOfSize(1024 * 1024).getBytes(StandardCharsets.UTF_8));

        Problem problem = assertThrows(ProblemException.class, () -> JsonBodyReader.readObject(body)).problem();

        assertEquals(413, problem.status());
        assertEquals(1024 * 1024 - 65537, body.available());
    }

    @Test
    void refusesABodyOneByteOverTheLimit() {
        Problem problem = rejected(objectOfSize(65537));

        assertEquals(413, problem.status());
        assertEquals("urn:berth:problem:body-too-large", problem.type());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"status\":\"active\",\"status\":\"suspended\"}",
            "{\"a\":{\"b\":1,\"b\":2}}", "{\"a\":[{\"k\":1,\"k\":1}]}"})
    void refusesAKeyThatAppearsTwiceInOneObject(String body) {
        Problem problem = rejected(body);
        assertMalformed(problem);
        assertTrue(problem.detail().contains("more than once"), problem.detail());
    }

    @Test
    void acceptsTheSameKeyInDifferentObjects() {
        assertEquals(2, read("{\"a\":{\"k\":1},\"b\":{\"k\":2}}").size());
    }
}
