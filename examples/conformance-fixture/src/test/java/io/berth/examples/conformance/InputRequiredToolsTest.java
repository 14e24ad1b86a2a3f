package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.examples.conformance.Fixture.RecordingContext;
import io.berth.examples.conformance.Fixture.Rounds;
import io.berth.sdk.InputRequest;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolResult;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputRequiredToolsTest {

    /* JSON.stringify of the scenario documents' requests (input-required-result.ts), key order included. */
    static final String NAME_SCHEMA_JSON =
            "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}";
    static final String CAPITAL_PARAMS_JSON = "{\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\","
            + "\"text\":\"What is the capital of France?\"}}],\"maxTokens\":100}";

    private static Rounds suiteRun(String tool) throws Exception {
        return Fixture.runRounds(tool, Map.of(), new RecordingContext(), SuiteClient::answer);
    }

    // test_input_required_result_elicitation

    @Test
    void elicitationAsksUserNameForANameString() throws Exception {
        Map<String, InputRequest> asked = Fixture.firstRequest("test_input_required_result_elicitation", Map.of());
        assertEquals(List.of("user_name"), List.copyOf(asked.keySet()));
        InputRequest.Elicit form = assertInstanceOf(InputRequest.Elicit.class, asked.get("user_name"));
        assertEquals("What is your name?", form.message());
        assertEquals(NAME_SCHEMA_JSON, JsonText.stringify(form.requestedSchema()));
    }

    @Test
    void elicitationGreetsTheNameAnswered() throws Exception {
        Rounds run = suiteRun("test_input_required_result_elicitation");
        assertEquals(1, run.asked().size());
        assertFalse(run.result().isError());
        assertEquals("Hello, Alice!", Fixture.textOf(run.result()));
    }

    @Test
    void extraAnswersAreIgnored() throws Exception {
        RecordingContext context = new RecordingContext();
        context.inputAnswers.put("user_name", Fixture.accepted(Map.of("name", "Alice")));
        context.inputAnswers.put("unknown_extra_key", Fixture.accepted(Map.of("foo", "bar")));
        ToolResult result = Fixture.call("test_input_required_result_elicitation", Map.of(), context);
        assertEquals("Hello, Alice!", Fixture.textOf(result));
    }

    @Test
    void aDeclinedOrNamelessAnswerIsAToolFailure() {
        for (Map<String, Object> answer : List.of(
                Map.<String, Object>of("action", "decline"),
                Fixture.accepted(Map.of("data", "wrong")),
                Fixture.accepted(Map.of("name", 12345L)))) {
            RecordingContext context = new RecordingContext();
            context.inputAnswers.put("user_name", answer);
            var e = assertThrows(ToolException.class,
                    () -> Fixture.call("test_input_required_result_elicitation", Map.of(), context), answer::toString);
            assertTrue(e.getMessage().startsWith("The user did not answer user_name")
                    || e.getMessage().startsWith("The answer to user_name has no"), e.getMessage());
        }
    }

    // test_input_required_result_sampling and _capabilities

    @Test
    void samplingAsksOnlyTheCapitalQuestion() throws Exception {
        Map<String, InputRequest> asked = Fixture.firstRequest("test_input_required_result_sampling", Map.of());
        assertEquals(List.of("capital_question"), List.copyOf(asked.keySet()));
        InputRequest.Sample sample = assertInstanceOf(InputRequest.Sample.class, asked.get("capital_question"));
        assertEquals(CAPITAL_PARAMS_JSON, JsonText.stringify(sample.params()));
        assertEquals("sampling", sample.capability());
    }

    @Test
    void samplingReturnsTheModelsAnswer() throws Exception {
        RecordingContext context = new RecordingContext();
        context.inputAnswers.put("capital_question", Fixture.sampled("The capital of France is Paris."));
        ToolResult result = Fixture.call("test_input_required_result_sampling", Map.of(), context);
        assertEquals("LLM response: The capital of France is Paris.", Fixture.textOf(result));
    }

    @Test
    void capabilitiesAsksOnlyWhatTheClientDeclared() throws Exception {
        RecordingContext samplingOnly = new RecordingContext();
        samplingOnly.declared.retainAll(List.of("sampling"));
        assertThrows(Fixture.InputRequired.class,
                () -> Fixture.call("test_input_required_result_capabilities", Map.of(), samplingOnly));
        assertEquals(List.of("capital_question"), List.copyOf(samplingOnly.inputRequests.get(0).keySet()));

        RecordingContext both = new RecordingContext();
        assertThrows(Fixture.InputRequired.class,
                () -> Fixture.call("test_input_required_result_capabilities", Map.of(), both));
        assertEquals(List.of("user_name", "capital_question"), List.copyOf(both.inputRequests.get(0).keySet()));

        RecordingContext neither = new RecordingContext();
        neither.declared.clear();
        assertEquals("This client supports neither elicitation nor sampling",
                Fixture.textOf(Fixture.call("test_input_required_result_capabilities", Map.of(), neither)));
    }

    // test_input_required_result_list_roots

    @Test
    void listRootsAsksClientRootsAndNamesThem() throws Exception {
        Map<String, InputRequest> asked = Fixture.firstRequest("test_input_required_result_list_roots", Map.of());
        assertEquals(Map.of("client_roots", new InputRequest.ListRoots()), asked);
        assertEquals("Client roots: file:///test/root (Test Root)",
                Fixture.textOf(suiteRun("test_input_required_result_list_roots").result()));
    }

    @Test
    void listRootsSaysWhenThereAreNone() throws Exception {
        RecordingContext context = new RecordingContext();
        context.inputAnswers.put("client_roots", Map.of("roots", List.of()));
        assertEquals("Client roots: none",
                Fixture.textOf(Fixture.call("test_input_required_result_list_roots", Map.of(), context)));
    }

    @Test
    void noneTakesArguments() {
        for (Tool tool : InputRequiredTools.tools()) {
            assertEquals(Tool.NO_ARGUMENTS, tool.inputSchema(), tool.name());
        }
    }
}
