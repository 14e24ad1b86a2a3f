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

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputRequiredFlowToolsTest {

    private static final String OK_SCHEMA_JSON =
            "{\"type\":\"object\",\"properties\":{\"ok\":{\"type\":\"boolean\"}},\"required\":[\"ok\"]}";

    private static Rounds suiteRun(String tool) throws Exception {
        return Fixture.runRounds(tool, Map.of(), new RecordingContext(), SuiteClient::answer);
    }

    private static void assertForm(InputRequest request, String message, String schemaJson) {
        InputRequest.Elicit form = assertInstanceOf(InputRequest.Elicit.class, request);
        assertEquals(message, form.message());
        assertEquals(schemaJson, JsonText.stringify(form.requestedSchema()));
    }

    @Test
    void requestStateAsksConfirmAndSaysStateOk() throws Exception {
        Rounds run = suiteRun("test_input_required_result_request_state");
        assertEquals(1, run.asked().size());
        assertEquals(List.of("confirm"), List.copyOf(run.asked().get(0).keySet()));
        assertForm(run.asked().get(0).get("confirm"), "Please confirm", OK_SCHEMA_JSON);
        assertTrue(Fixture.textOf(run.result()).contains("state-ok"));
        assertEquals("state-ok: ok=true", Fixture.textOf(run.result()));
    }

    @Test
    void tamperedStateAsksConfirmLikeRequestState() throws Exception {
        Rounds run = suiteRun("test_input_required_result_tampered_state");
        assertEquals(List.of("confirm"), List.copyOf(run.asked().get(0).keySet()));
        assertForm(run.asked().get(0).get("confirm"), "Please confirm", OK_SCHEMA_JSON);
        assertEquals("Confirmed: ok=true", Fixture.textOf(run.result()));
    }

    @Test
    void multipleInputsAsksAllThreeInOneRound() throws Exception {
        Rounds run = suiteRun("test_input_required_result_multiple_inputs");
        assertEquals(1, run.asked().size(), "one round");
        Map<String, InputRequest> asked = run.asked().get(0);
        assertEquals(List.of("user_name", "greeting", "client_roots"), List.copyOf(asked.keySet()));
        assertForm(asked.get("user_name"), "What is your name?", InputRequiredToolsTest.NAME_SCHEMA_JSON);
        assertEquals("{\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"Generate a "
                        + "greeting\"}}],\"maxTokens\":50}",
                JsonText.stringify(assertInstanceOf(InputRequest.Sample.class, asked.get("greeting")).params()));
        assertEquals(new InputRequest.ListRoots(), asked.get("client_roots"));
        assertEquals("name=Alice, greeting=Hello there!, roots=file:///test/root (Test Root)",
                Fixture.textOf(run.result()));
    }

    @Test
    void multiRoundAsksStep1ThenStep2() throws Exception {
        Rounds run = suiteRun("test_input_required_result_multi_round");
        assertEquals(2, run.asked().size(), "two rounds");
        assertEquals(List.of("step1"), List.copyOf(run.asked().get(0).keySet()));
        assertForm(run.asked().get(0).get("step1"), "Step 1: What is your name?",
                InputRequiredToolsTest.NAME_SCHEMA_JSON);
        assertEquals(List.of("step2"), List.copyOf(run.asked().get(1).keySet()));
        assertForm(run.asked().get(1).get("step2"), "Step 2: What is your favorite color?",
                "{\"type\":\"object\",\"properties\":{\"color\":{\"type\":\"string\"}},\"required\":[\"color\"]}");
        assertFalse(run.result().isError());
        assertEquals("Alice likes blue", Fixture.textOf(run.result()));
    }

    @Test
    void multiRoundStopsAtADeclinedFirstStep() {
        RecordingContext context = new RecordingContext();
        context.inputAnswers.put("step1", Map.of("action", "cancel"));
        var e = assertThrows(ToolException.class,
                () -> Fixture.call("test_input_required_result_multi_round", Map.of(), context));
        assertEquals("The user did not answer step1 (cancel)", e.getMessage());
        assertEquals(1, context.inputRequests.size(), "never asks step2");
    }

    @Test
    void aConfirmationThatIsNotABooleanIsAToolFailure() {
        RecordingContext context = new RecordingContext();
        context.inputAnswers.put("confirm", Fixture.accepted(Map.of("ok", "yes")));
        var e = assertThrows(ToolException.class,
                () -> Fixture.call("test_input_required_result_request_state", Map.of(), context));
        assertEquals("The answer to confirm has no boolean ok", e.getMessage());
    }

    @Test
    void noneTakesArguments() {
        for (Tool tool : InputRequiredFlowTools.tools()) {
            assertEquals(Tool.NO_ARGUMENTS, tool.inputSchema(), tool.name());
        }
    }
}
