package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.examples.conformance.Fixture.ElicitRequest;
import io.berth.examples.conformance.Fixture.RecordingContext;
import io.berth.sdk.Content;
import io.berth.sdk.Elicitation;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolResult;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElicitationToolsTest {

    /*
     * The expected schemas are JSON.stringify of the reference server's object literals (test_elicitation: of the
     * fixture document's), produced with Node, so comparing the text checks values, types and key order at once.
     */
    private static final String USER_SCHEMA_JSON = "{\"type\":\"object\",\"properties\":{\"username\":{\"type\":"
            + "\"string\",\"description\":\"User's response\"},\"email\":{\"type\":\"string\",\"description\":\"User's "
            + "email address\"}},\"required\":[\"username\",\"email\"]}";
    private static final String DEFAULTS_SCHEMA_JSON = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":"
            + "\"string\",\"description\":\"User name\",\"default\":\"John Doe\"},\"age\":{\"type\":\"integer\","
            + "\"description\":\"User age\",\"default\":30},\"score\":{\"type\":\"number\",\"description\":\"User score\","
            + "\"default\":95.5},\"status\":{\"type\":\"string\",\"description\":\"User status\",\"enum\":[\"active\","
            + "\"inactive\",\"pending\"],\"default\":\"active\"},\"verified\":{\"type\":\"boolean\",\"description\":"
            + "\"Verification status\",\"default\":true}},\"required\":[]}";
    private static final String ENUMS_SCHEMA_JSON = "{\"type\":\"object\",\"properties\":{\"untitledSingle\":{\"type\":"
            + "\"string\",\"description\":\"Select one option\",\"enum\":[\"option1\",\"option2\",\"option3\"]},"
            + "\"titledSingle\":{\"type\":\"string\",\"description\":\"Select one option with titles\",\"oneOf\":[{\"const\":"
            + "\"value1\",\"title\":\"First Option\"},{\"const\":\"value2\",\"title\":\"Second Option\"},{\"const\":"
            + "\"value3\",\"title\":\"Third Option\"}]},\"legacyEnum\":{\"type\":\"string\",\"description\":\"Select one "
            + "option (legacy)\",\"enum\":[\"opt1\",\"opt2\",\"opt3\"],\"enumNames\":[\"Option One\",\"Option Two\","
            + "\"Option Three\"]},\"untitledMulti\":{\"type\":\"array\",\"description\":\"Select multiple options\","
            + "\"minItems\":1,\"maxItems\":3,\"items\":{\"type\":\"string\",\"enum\":[\"option1\",\"option2\",\"option3\"]}},"
            + "\"titledMulti\":{\"type\":\"array\",\"description\":\"Select multiple options with titles\",\"minItems\":1,"
            + "\"maxItems\":3,\"items\":{\"anyOf\":[{\"const\":\"value1\",\"title\":\"First Choice\"},{\"const\":\"value2\","
            + "\"title\":\"Second Choice\"},{\"const\":\"value3\",\"title\":\"Third Choice\"}]}}},\"required\":[]}";

    @SafeVarargs
    private static Map<String, Object> ordered(Map.Entry<String, Object>... entries) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : entries) {
            map.put(e.getKey(), e.getValue());
        }
        return map;
    }

    private static String textOf(ToolResult result) {
        assertEquals(1, result.content().size());
        return ((Content.Text) result.content().get(0)).text();
    }

    private static ElicitRequest onlyRequest(RecordingContext context) {
        assertEquals(1, context.elicitations.size());
        return context.elicitations.get(0);
    }

    // test_elicitation

    @Test
    void asksWithTheCallersMessageForUsernameAndEmail() throws Exception {
        RecordingContext context = RecordingContext.answering(new Elicitation("cancel", null));
        Fixture.call("test_elicitation", Map.of("message", "Please provide your information"), context);

        ElicitRequest request = onlyRequest(context);
        assertEquals("Please provide your information", request.message());
        assertEquals(Map.of(
                "type", "object",
                "properties", Map.of(
                        "username", Map.of("type", "string", "description", "User's response"),
                        "email", Map.of("type", "string", "description", "User's email address")),
                "required", List.of("username", "email")), request.requestedSchema());
        assertEquals(USER_SCHEMA_JSON, JsonText.stringify(request.requestedSchema()));
    }

    @Test
    void returnsTheSuitesAnswerAsTheReferenceWritesIt() throws Exception {
        Elicitation answer = new Elicitation("accept",
                ordered(Map.entry("username", "testuser"), Map.entry("email", "test@example.com")));
        ToolResult result = Fixture.call("test_elicitation", Map.of("message", "Please provide your information"),
                RecordingContext.answering(answer));

        assertFalse(result.isError());
        assertEquals("User response: action=accept, content={\"username\":\"testuser\",\"email\":\"test@example.com\"}",
                textOf(result));
    }

    @Test
    void aDeclineHasEmptyContent() throws Exception {
        ToolResult result = Fixture.call("test_elicitation", Map.of("message", "m"),
                RecordingContext.answering(new Elicitation("decline", null)));
        assertFalse(result.isError());
        assertEquals("User response: action=decline, content={}", textOf(result));
    }

    @Test
    void aMissingMessageIsAToolFailureAndAsksNothing() {
        RecordingContext context = RecordingContext.answering(new Elicitation("cancel", null));
        var e = assertThrows(ToolException.class, () -> Fixture.call("test_elicitation", Map.of(), context));
        assertTrue(e.getMessage().contains("'message'"), e.getMessage());
        assertEquals(List.of(), context.elicitations);
    }

    @Test
    void declaresMessageAsARequiredString() {
        Tool tool = Fixture.tool("test_elicitation");
        assertEquals("Tests server-initiated elicitation (user input request)", tool.description());
        assertEquals("{\"type\":\"object\",\"properties\":{\"message\":{\"type\":\"string\",\"description\":"
                + "\"The message to show the user\"}},\"required\":[\"message\"]}", JsonText.stringify(tool.inputSchema()));
    }

    // test_elicitation_sep1034_defaults

    @Test
    void defaultsAsksForEachPrimitiveTypeWithItsDefault() throws Exception {
        RecordingContext context = RecordingContext.answering(new Elicitation("cancel", null));
        Fixture.call("test_elicitation_sep1034_defaults", Map.of(), context);

        ElicitRequest request = onlyRequest(context);
        assertEquals("Please review and update the form fields with defaults", request.message());
        assertEquals(DEFAULTS_SCHEMA_JSON, JsonText.stringify(request.requestedSchema()));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties =
                (Map<String, Map<String, Object>>) request.requestedSchema().get("properties");
        assertEquals(List.of("name", "age", "score", "status", "verified"), List.copyOf(properties.keySet()));
        assertEquals("John Doe", properties.get("name").get("default"));
        assertEquals(30L, properties.get("age").get("default"));
        assertEquals(95.5, properties.get("score").get("default"));
        assertEquals("active", properties.get("status").get("default"));
        assertEquals(Boolean.TRUE, properties.get("verified").get("default"));
        assertEquals(List.of(), request.requestedSchema().get("required"));
    }

    @Test
    void defaultsReturnsTheSuitesAnswerAsTheReferenceWritesIt() throws Exception {
        // The suite answers score 88.0, which reaches the server as 88; JavaScript writes both as 88.
        for (Object score : List.of(88L, new BigDecimal("88.0"), 88.0)) {
            Elicitation answer = new Elicitation("accept", ordered(
                    Map.entry("name", "Jane Smith"), Map.entry("age", 25L), Map.entry("score", score),
                    Map.entry("status", "inactive"), Map.entry("verified", false)));
            ToolResult result = Fixture.call("test_elicitation_sep1034_defaults", Map.of(),
                    RecordingContext.answering(answer));

            assertFalse(result.isError());
            assertEquals("Elicitation completed: action=accept, content={\"name\":\"Jane Smith\",\"age\":25,"
                    + "\"score\":88,\"status\":\"inactive\",\"verified\":false}", textOf(result), "score " + score);
        }
    }

    // test_elicitation_sep1330_enums

    @Test
    void enumsAsksForEachOfTheFiveEnumForms() throws Exception {
        RecordingContext context = RecordingContext.answering(new Elicitation("cancel", null));
        Fixture.call("test_elicitation_sep1330_enums", Map.of(), context);

        ElicitRequest request = onlyRequest(context);
        assertEquals("Please select options from the enum fields", request.message());
        assertEquals(ENUMS_SCHEMA_JSON, JsonText.stringify(request.requestedSchema()));
        Map<?, ?> properties = (Map<?, ?>) request.requestedSchema().get("properties");
        assertEquals(Map.of("type", "string", "description", "Select one option (legacy)",
                        "enum", List.of("opt1", "opt2", "opt3"),
                        "enumNames", List.of("Option One", "Option Two", "Option Three")),
                properties.get("legacyEnum"));
        assertEquals(1L, ((Map<?, ?>) properties.get("titledMulti")).get("minItems"));
    }

    @Test
    void enumsReturnsTheSuitesAnswerAsTheReferenceWritesIt() throws Exception {
        Elicitation answer = new Elicitation("accept", ordered(
                Map.entry("untitledSingle", "option1"), Map.entry("titledSingle", "value1"),
                Map.entry("legacyEnum", "opt1"), Map.entry("untitledMulti", List.of("option1", "option2")),
                Map.entry("titledMulti", List.of("value1", "value2"))));
        ToolResult result = Fixture.call("test_elicitation_sep1330_enums", Map.of(), RecordingContext.answering(answer));

        assertFalse(result.isError());
        assertEquals("Elicitation completed: action=accept, content={\"untitledSingle\":\"option1\",\"titledSingle\":"
                + "\"value1\",\"legacyEnum\":\"opt1\",\"untitledMulti\":[\"option1\",\"option2\"],\"titledMulti\":"
                + "[\"value1\",\"value2\"]}", textOf(result));
    }

    @Test
    void aCancelHasEmptyContent() throws Exception {
        ToolResult result = Fixture.call("test_elicitation_sep1330_enums", Map.of(),
                RecordingContext.answering(new Elicitation("cancel", null)));
        assertEquals("Elicitation completed: action=cancel, content={}", textOf(result));
    }

    @Test
    void userTextInTheAnswerIsEscaped() throws Exception {
        Elicitation answer = new Elicitation("accept", ordered(Map.entry("name", "Jane \"J\" O\\Brien\n")));
        ToolResult result = Fixture.call("test_elicitation_sep1034_defaults", Map.of(),
                RecordingContext.answering(answer));
        assertEquals("Elicitation completed: action=accept, content={\"name\":\"Jane \\\"J\\\" O\\\\Brien\\n\"}",
                textOf(result));
    }

    // all three

    @Test
    void aClientWithoutElicitationGetsAnErrorResultFromEachTool() throws Exception {
        for (String tool : List.of("test_elicitation", "test_elicitation_sep1034_defaults",
                "test_elicitation_sep1330_enums")) {
            RecordingContext context = new RecordingContext();
            ToolResult result = Fixture.call(tool, Map.of("message", "m"), context);

            assertEquals(1, context.elicitations.size(), tool);
            assertTrue(result.isError(), tool);
            assertEquals("Elicitation not supported or error: This client does not support elicitation",
                    textOf(result), tool);
        }
    }

    @Test
    void aFailedRequestGetsAnErrorResultWithItsMessage() throws Exception {
        RecordingContext context = new RecordingContext() {
            @Override
            public Elicitation elicit(String message, Map<String, Object> requestedSchema) throws ToolException {
                throw new ToolException("The user did not answer in time");
            }
        };
        ToolResult result = Fixture.call("test_elicitation_sep1330_enums", Map.of(), context);
        assertTrue(result.isError());
        assertEquals("Elicitation not supported or error: The user did not answer in time", textOf(result));
    }

    @Test
    void theSchemasCannotBeChanged() {
        for (Map<String, Object> schema : List.of(ElicitationTools.USER_SCHEMA, ElicitationTools.DEFAULTS_SCHEMA,
                ElicitationTools.ENUMS_SCHEMA)) {
            Map<?, ?> properties = (Map<?, ?>) schema.get("properties");
            assertThrows(UnsupportedOperationException.class, () -> schema.put("x", 1));
            assertThrows(UnsupportedOperationException.class, properties::clear);
            for (Object property : properties.values()) {
                assertThrows(UnsupportedOperationException.class, ((Map<?, ?>) property)::clear);
            }
        }
    }

    @Test
    void defaultsAndEnumsTakeNoArguments() {
        for (String name : List.of("test_elicitation_sep1034_defaults", "test_elicitation_sep1330_enums")) {
            assertEquals(Tool.NO_ARGUMENTS, Fixture.tool(name).inputSchema(), name);
        }
        assertEquals("Tests elicitation with default values per SEP-1034",
                Fixture.tool("test_elicitation_sep1034_defaults").description());
        assertEquals("Tests elicitation with enum schema improvements per SEP-1330",
                Fixture.tool("test_elicitation_sep1330_enums").description());
    }
}
