package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input gets the right status, a problem detail that helps, no internals, and loses nothing: after every refusal
 * the stored tenants are exactly what they were.
 */
class BadInputIT {

    private final OperatorClient operator = new OperatorClient(BerthNodes.nodeA());
    private String existing;
    private JsonObject existingBefore;

    @BeforeAll
    static void ready() {
        BerthNodes.awaitReady();
    }

    @BeforeEach
    void anExistingTenant() {
        existing = OperatorClient.uniqueTenantId("keep");
        assertEquals(201, operator.create(existing, "Keep me").status());
        existingBefore = operator.get(operator.tenant(existing)).json();
    }

    static Stream<Arguments> badCreates() {
        String deep = "{\"id\":" + "[".repeat(20) + "]".repeat(20) + "}";
        return Stream.of(
                Arguments.of("malformed", "{\"id\":\"x\",", 400, "malformed-json"),
                Arguments.of("empty", "", 400, "malformed-json"),
                Arguments.of("array", "[{\"id\":\"abc\",\"displayName\":\"x\"}]", 400, "malformed-json"),
                Arguments.of("string", "\"abc\"", 400, "malformed-json"),
                Arguments.of("trailing garbage", "{\"id\":\"abc\",\"displayName\":\"x\"} {}", 400, "malformed-json"),
                Arguments.of("too deep", deep, 400, "malformed-json"),
                Arguments.of("wrong type", "{\"id\":\"abc-def\",\"displayName\":42}", 400, "invalid-input"),
                Arguments.of("object for string", "{\"id\":{\"a\":1},\"displayName\":\"x\"}", 400, "invalid-input"),
                Arguments.of("unknown field", "{\"id\":\"abc-def\",\"displayName\":\"x\",\"admin\":true}", 400,
                        "invalid-input"),
                Arguments.of("missing id", "{\"displayName\":\"x\"}", 400, "invalid-input"),
                Arguments.of("upper-case slug", "{\"id\":\"ACME\",\"displayName\":\"x\"}", 400, "invalid-input"),
                Arguments.of("traversal slug", "{\"id\":\"../etc\",\"displayName\":\"x\"}", 400, "invalid-input"),
                Arguments.of("too short slug", "{\"id\":\"ab\",\"displayName\":\"x\"}", 400, "invalid-input"),
                Arguments.of("blank name", "{\"id\":\"abc-def\",\"displayName\":\"   \"}", 400, "invalid-input"),
                Arguments.of("long name", "{\"id\":\"abc-def\",\"displayName\":\"" + "n".repeat(201) + "\"}", 400,
                        "invalid-input"),
                Arguments.of("taken id", null, 409, "tenant-exists"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCreates")
    void badCreateIsRefusedAndChangesNothing(String name, String body, int status, String type) {
        List<JsonObject> before = allTenants();
        String payload = body != null ? body : "{\"id\":\"" + existing + "\",\"displayName\":\"Overwrite\"}";
        Http.Response r = operator.post(operator.tenants(), payload);
        assertProblem(r, status, type);
        assertEquals(before, allTenants());
    }

    @Test
    void invalidFieldsAreAllReportedAtOnce() {
        Http.Response r = operator.post(operator.tenants(), "{\"id\":\"A\",\"displayName\":7,\"extra\":1}");
        assertProblem(r, 400, "invalid-input");
        List<String> fields = r.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).sorted().toList();
        assertEquals(List.of("displayName", "extra"), fields, "type and unknown-field errors come first, together");
    }

    @Test
    void oversizedBodiesAre413WithOrWithoutALength() {
        String big = "{\"id\":\"big-one\",\"displayName\":\"" + "x".repeat(70_000) + "\"}";
        assertProblem(operator.post(operator.tenants(), big), 413, "body-too-large");

        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder chunked = HttpRequest.newBuilder(operator.tenants())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)));
        assertProblem(Http.send(chunked, operator.auth()), 413, "body-too-large");
        assertEquals(404, operator.get(operator.tenant("big-one")).status());
    }

    @Test
    void wrongMediaTypeIs415() {
        Http.Response r = Http.send("POST", operator.tenants(), "text/plain",
                "{\"id\":\"plain-text\",\"displayName\":\"x\"}", operator.auth());
        assertProblem(r, 415, "unsupported-media-type");
    }

    @Test
    void badPatchesLeaveTheTenantAsItWas() {
        assertProblem(operator.patch(existing, "{\"status\":\"paused\"}"), 400, "invalid-input");
        assertProblem(operator.patch(existing, "{\"status\":true}"), 400, "invalid-input");
        assertProblem(operator.patch(existing, "{\"id\":\"renamed\"}"), 400, "invalid-input");
        assertProblem(operator.patch(existing, "{\"displayName\":\"\"}"), 400, "invalid-input");
        assertProblem(operator.patch(existing, "{nope"), 400, "malformed-json");
        assertProblem(operator.patch(existing, "{\"displayName\":\"x\"}", "If-Match", "W/\"0\""), 412,
                "version-mismatch");
        assertEquals(existingBefore, operator.get(operator.tenant(existing)).json());
    }

    @Test
    void badQueryParametersAre400() {
        assertProblem(operator.get(URI.create(operator.tenants() + "?limit=0")), 400, "invalid-input");
        assertProblem(operator.get(URI.create(operator.tenants() + "?limit=201")), 400, "invalid-input");
        assertProblem(operator.get(URI.create(operator.tenants() + "?limit=ten")), 400, "invalid-input");
        assertProblem(operator.get(URI.create(operator.tenants() + "?after=%27%20or%201=1")), 400, "invalid-input");
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        assertProblem(operator.get(URI.create(operator.tenants() + "/" + existing + "/nothing")), 404, "not-found");
        assertProblem(Http.send("PUT", operator.tenant(existing), "application/json", "{}", operator.auth()), 405,
                "method-not-allowed");
        assertProblem(operator.get(operator.tenant("NOT_A_SLUG")), 404, "tenant-not-found");
    }

    private List<JsonObject> allTenants() {
        List<JsonObject> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = operator.get(URI.create(operator.tenants() + "?limit=200"
                    + (cursor == null ? "" : "&after=" + cursor))).json();
            all.addAll(page.getJsonArray("items").getValuesAs(JsonObject.class));
            cursor = page.containsKey("nextCursor") && !page.isNull("nextCursor") ? page.getString("nextCursor") : null;
        } while (cursor != null);
        return all;
    }

    static void assertProblem(Http.Response r, int status, String type) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        JsonObject problem = r.json();
        assertEquals("urn:berth:problem:" + type, problem.getString("type"), r.body());
        assertEquals(status, problem.getInt("status"));
        assertFalse(problem.getString("title").isBlank());
        for (String leak : List.of("Exception", "\tat ", "io.berth.", "org.jboss", "com.ibm", "SQL", "select ")) {
            assertFalse(r.body().contains(leak), "the body leaks internals (" + leak + "): " + r.body());
        }
    }
}
