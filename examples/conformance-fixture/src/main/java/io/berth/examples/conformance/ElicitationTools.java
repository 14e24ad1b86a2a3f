package io.berth.examples.conformance;

import io.berth.sdk.Elicitation;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolResult;

import java.util.List;
import java.util.Map;

import static io.berth.examples.conformance.Json.object;

/**
 * The tools that ask the user for input through the client ({@code elicitation/create}):
 * <ul>
 * <li>{@code test_elicitation} (scenario {@code tools-call-elicitation}) asks for a username and an e-mail address with
 * the caller's {@code message};</li>
 * <li>{@code test_elicitation_sep1034_defaults} (scenario {@code elicitation-sep1034-defaults}) asks for one field of
 * each primitive type, each with a default value;</li>
 * <li>{@code test_elicitation_sep1330_enums} (scenario {@code elicitation-sep1330-enums}) asks for one field of each of
 * the five enum forms.</li>
 * </ul>
 * Each returns the answer as the reference server writes it: {@code <prefix>action=<action>, content=<content as
 * JSON>}, the content {@code {}} when the user declined or cancelled. A client that cannot elicit gets an error result
 * (the fixture document asks for an error; the reference server's text, but with {@code isError: true}). The schemas'
 * keys are in the reference server's order.
 */
final class ElicitationTools {

    static final String USER_RESPONSE_PREFIX = "User response: ";
    static final String COMPLETED_PREFIX = "Elicitation completed: ";
    static final String FAILURE_PREFIX = "Elicitation not supported or error: ";
    static final String DEFAULTS_MESSAGE = "Please review and update the form fields with defaults";
    static final String ENUMS_MESSAGE = "Please select options from the enum fields";

    static final Map<String, Object> USER_SCHEMA = object(
            "type", "object",
            "properties", object(
                    "username", object("type", "string", "description", "User's response"),
                    "email", object("type", "string", "description", "User's email address")),
            "required", List.of("username", "email"));

    static final Map<String, Object> DEFAULTS_SCHEMA = object(
            "type", "object",
            "properties", object(
                    "name", object("type", "string", "description", "User name", "default", "John Doe"),
                    "age", object("type", "integer", "description", "User age", "default", 30L),
                    "score", object("type", "number", "description", "User score", "default", 95.5),
                    "status", object("type", "string", "description", "User status",
                            "enum", List.of("active", "inactive", "pending"), "default", "active"),
                    "verified", object("type", "boolean", "description", "Verification status", "default", true)),
            "required", List.of());

    static final Map<String, Object> ENUMS_SCHEMA = object(
            "type", "object",
            "properties", object(
                    "untitledSingle", object(
                            "type", "string",
                            "description", "Select one option",
                            "enum", List.of("option1", "option2", "option3")),
                    "titledSingle", object(
                            "type", "string",
                            "description", "Select one option with titles",
                            "oneOf", List.of(
                                    object("const", "value1", "title", "First Option"),
                                    object("const", "value2", "title", "Second Option"),
                                    object("const", "value3", "title", "Third Option"))),
                    "legacyEnum", object(
                            "type", "string",
                            "description", "Select one option (legacy)",
                            "enum", List.of("opt1", "opt2", "opt3"),
                            "enumNames", List.of("Option One", "Option Two", "Option Three")),
                    "untitledMulti", object(
                            "type", "array",
                            "description", "Select multiple options",
                            "minItems", 1L,
                            "maxItems", 3L,
                            "items", object("type", "string", "enum", List.of("option1", "option2", "option3"))),
                    "titledMulti", object(
                            "type", "array",
                            "description", "Select multiple options with titles",
                            "minItems", 1L,
                            "maxItems", 3L,
                            "items", object("anyOf", List.of(
                                    object("const", "value1", "title", "First Choice"),
                                    object("const", "value2", "title", "Second Choice"),
                                    object("const", "value3", "title", "Third Choice"))))),
            "required", List.of());

    private ElicitationTools() {
    }

    static List<Tool> tools() {
        return List.of(
                Tool.builder("test_elicitation")
                        .description("Tests server-initiated elicitation (user input request)")
                        .inputSchema(object(
                                "type", "object",
                                "properties", object("message",
                                        object("type", "string", "description", "The message to show the user")),
                                "required", List.of("message")))
                        .handler((call, context) ->
                                elicit(context, call.requireString("message"), USER_SCHEMA, USER_RESPONSE_PREFIX))
                        .build(),
                Tool.builder("test_elicitation_sep1034_defaults")
                        .description("Tests elicitation with default values per SEP-1034")
                        .handler((call, context) -> elicit(context, DEFAULTS_MESSAGE, DEFAULTS_SCHEMA, COMPLETED_PREFIX))
                        .build(),
                Tool.builder("test_elicitation_sep1330_enums")
                        .description("Tests elicitation with enum schema improvements per SEP-1330")
                        .handler((call, context) -> elicit(context, ENUMS_MESSAGE, ENUMS_SCHEMA, COMPLETED_PREFIX))
                        .build());
    }

    private static ToolResult elicit(ToolContext context, String message, Map<String, Object> schema, String prefix) {
        Elicitation answer;
        try {
            answer = context.elicit(message, schema);
        } catch (ToolException e) {
            return ToolResult.error(FAILURE_PREFIX + e.getMessage());
        }
        return ToolResult.text(prefix + describe(answer));
    }

    /** {@code action=<action>, content=<content as JSON, {} if none>}, as the reference server writes an answer. */
    static String describe(Elicitation answer) {
        Map<String, Object> content = answer.content() == null ? Map.of() : answer.content();
        return "action=" + answer.action() + ", content=" + JsonText.stringify(content);
    }
}
