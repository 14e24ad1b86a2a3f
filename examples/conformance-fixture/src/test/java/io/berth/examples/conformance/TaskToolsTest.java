package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.examples.conformance.Fixture.InputRequired;
import io.berth.examples.conformance.Fixture.RecordingContext;
import io.berth.sdk.InputRequest;
import io.berth.sdk.TaskSupport;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolResult;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskToolsTest {

    private static final String CONFIRM_SCHEMA_JSON =
            "{\"type\":\"object\",\"properties\":{\"confirm\":{\"type\":\"boolean\"}},\"required\":[\"confirm\"]}";

    @Test
    void declaresTheTaskSupportTheScenariosNeed() {
        Map<String, TaskSupport> expected = Map.of(
                "greet", TaskSupport.FORBIDDEN,
                "slow_compute", TaskSupport.OPTIONAL,
                "confirm_delete", TaskSupport.OPTIONAL,
                "multi_input", TaskSupport.OPTIONAL,
                "failing_job", TaskSupport.REQUIRED,
                "protocol_error_job", TaskSupport.REQUIRED,
                "test_tool_with_task", TaskSupport.REQUIRED);
        expected.forEach((name, support) -> assertEquals(support, Fixture.tool(name).taskSupport(), name));
    }

    // greet

    @Test
    void greetSaysHelloToTheName() throws Exception {
        assertEquals("Hello, sep-2243!", Fixture.textOf(
                Fixture.call("greet", Map.of("name", "sep-2243"), new RecordingContext())));
        assertThrows(ToolException.class, () -> Fixture.call("greet", Map.of(), new RecordingContext()));
    }

    // confirm_delete

    @Test
    void confirmDeleteSaysWhyItWaitsThenAsksConfirm() throws Exception {
        RecordingContext context = new RecordingContext();
        InputRequired asked = assertThrows(InputRequired.class,
                () -> Fixture.call("confirm_delete", Map.of("filename", "rt.txt"), context));

        assertEquals(List.of("Waiting for the user to confirm deleting 'rt.txt'"), context.statuses);
        assertEquals(List.of("confirm"), List.copyOf(asked.requests.keySet()));
        InputRequest.Elicit form = assertInstanceOf(InputRequest.Elicit.class, asked.requests.get("confirm"));
        assertEquals("Delete 'rt.txt'?", form.message());
        assertEquals(CONFIRM_SCHEMA_JSON, JsonText.stringify(form.requestedSchema()));
    }

    @Test
    void confirmDeleteReportsTheAnswer() throws Exception {
        for (var answer : List.of(
                Map.entry(Fixture.accepted(Map.of("confirm", true)),
                        "Deletion of 'mrtr-resume.txt' confirmed (this fixture deletes nothing)"),
                Map.entry(Fixture.accepted(Map.of("confirm", false)), "Kept 'mrtr-resume.txt'"),
                Map.entry(Map.<String, Object>of("action", "decline"), "Kept 'mrtr-resume.txt'"))) {
            RecordingContext context = new RecordingContext();
            context.inputAnswers.put("confirm", answer.getKey());
            ToolResult result = Fixture.call("confirm_delete", Map.of("filename", "mrtr-resume.txt"), context);
            assertEquals(answer.getValue(), Fixture.textOf(result), answer.getKey().toString());
        }
    }

    @Test
    void confirmDeleteWithoutAFilenameFailsBeforeAsking() {
        RecordingContext context = new RecordingContext();
        assertThrows(ToolException.class, () -> Fixture.call("confirm_delete", Map.of(), context));
        assertEquals(List.of(), context.inputRequests);
    }

    // multi_input

    @Test
    void multiInputAsksBothKeysAtOnceAndWaitsForTheSecond() throws Exception {
        RecordingContext context = new RecordingContext();
        InputRequired first = assertThrows(InputRequired.class, () -> Fixture.call("multi_input", Map.of(), context));
        assertEquals(List.of("user_name", "confirm_action"), List.copyOf(first.requests.keySet()));
        assertEquals("Enter your name:", ((InputRequest.Elicit) first.requests.get("user_name")).message());
        assertEquals("Confirm action?", ((InputRequest.Elicit) first.requests.get("confirm_action")).message());

        // the suite answers one key per tasks/update, each with {name, confirm}
        context.inputAnswers.put("user_name", Fixture.accepted(Map.of("name", "partial-1", "confirm", true)));
        InputRequired second = assertThrows(InputRequired.class, () -> Fixture.call("multi_input", Map.of(), context));
        assertEquals(List.of("confirm_action"), List.copyOf(second.requests.keySet()));

        context.inputAnswers.put("confirm_action", Fixture.accepted(Map.of("name", "partial-2", "confirm", true)));
        assertEquals("name=partial-1, confirmed=true", Fixture.textOf(Fixture.call("multi_input", Map.of(), context)));
    }

    // failing_job and protocol_error_job

    @Test
    void failingJobFailsWithAToolErrorAfterASecond() {
        RecordingContext context = new RecordingContext();
        long start = System.nanoTime();
        var e = assertThrows(ToolException.class, () -> Fixture.call("failing_job", Map.of(), context));
        assertTrue(System.nanoTime() - start >= 1_000_000_000L);
        assertEquals("failing_job failed on purpose: this job always fails", e.getMessage());
        assertEquals(List.of("Working; this job fails after about a second"), context.statuses);
    }

    @Test
    void failingJobStopsWhenCancelled() {
        RecordingContext context = new RecordingContext();
        context.cancelled = true;
        ToolResult result = assertTimeoutPreemptively(Duration.ofMillis(300),
                () -> Fixture.call("failing_job", Map.of(), context));
        assertTrue(result.isError());
        assertEquals("failing_job cancelled", Fixture.textOf(result));
    }

    @Test
    void protocolErrorJobCrashesWithSomethingOtherThanAToolError() {
        var e = assertThrows(Exception.class, () -> Fixture.call("protocol_error_job", Map.of(), new RecordingContext()));
        assertInstanceOf(IllegalStateException.class, e);
    }

    // test_tool_with_task

    @Test
    void toolWithTaskAsksTheNameBeforeAnythingElse() throws Exception {
        RecordingContext context = new RecordingContext();
        InputRequired asked = assertThrows(InputRequired.class,
                () -> Fixture.call("test_tool_with_task", Map.of(), context));
        assertEquals(List.of("user_name"), List.copyOf(asked.requests.keySet()));
        assertEquals(InputRequiredToolsTest.NAME_SCHEMA_JSON,
                JsonText.stringify(((InputRequest.Elicit) asked.requests.get("user_name")).requestedSchema()));
        assertEquals(List.of(), context.statuses, "no status before the name is known");
    }

    @Test
    void toolWithTaskGreetsTheGatheredName() throws Exception {
        RecordingContext context = new RecordingContext();
        ToolResult result = Fixture.runRounds("test_tool_with_task", Map.of(), context, SuiteClient::answer).result();
        assertFalse(result.isError());
        assertEquals("Hello, Alice!", Fixture.textOf(result));
        assertEquals(List.of("Greeting Alice"), context.statuses);
    }
}
