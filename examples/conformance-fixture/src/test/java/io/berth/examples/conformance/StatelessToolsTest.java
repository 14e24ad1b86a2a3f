package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.berth.examples.conformance.Fixture.Log;
import io.berth.examples.conformance.Fixture.RecordingContext;
import io.berth.sdk.InputRequest;
import io.berth.sdk.LogLevel;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolResult;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatelessToolsTest {

    @Test
    void missingCapabilityNeedsSampling() throws Exception {
        Map<String, InputRequest> asked = Fixture.firstRequest("test_missing_capability", Map.of());
        assertEquals(List.of("sample"), List.copyOf(asked.keySet()));
        InputRequest.Sample sample = assertInstanceOf(InputRequest.Sample.class, asked.get("sample"));
        assertEquals("sampling", sample.capability(), "the capability Berth names in -32021");
        assertEquals("{\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"Reply with any short "
                + "text.\"}}],\"maxTokens\":50}", JsonText.stringify(sample.params()));
    }

    @Test
    void missingCapabilityReturnsTheSampledText() throws Exception {
        RecordingContext context = new RecordingContext();
        context.inputAnswers.put("sample", Fixture.sampled("hi"));
        assertEquals("LLM response: hi", Fixture.textOf(Fixture.call("test_missing_capability", Map.of(), context)));
    }

    @Test
    void streamingElicitationAsksForTheNameAsAnInputRequest() throws Exception {
        Map<String, InputRequest> asked = Fixture.firstRequest("test_streaming_elicitation", Map.of());
        assertEquals(List.of("user_name"), List.copyOf(asked.keySet()));
        assertEquals("elicitation", asked.get("user_name").capability());
        ToolResult result = Fixture.runRounds("test_streaming_elicitation", Map.of(), new RecordingContext(),
                SuiteClient::answer).result();
        assertEquals("Hello, Alice!", Fixture.textOf(result));
    }

    @Test
    void loggingToolLogsOnceAtInfoAndAnswersAtOnce() {
        RecordingContext context = new RecordingContext();
        ToolResult result = assertTimeoutPreemptively(Duration.ofMillis(200),
                () -> Fixture.call("test_logging_tool", Map.of(), context));
        assertEquals(List.of(new Log(LogLevel.INFO, null, "test_logging_tool ran")), context.logs);
        assertEquals("Logging tool executed", Fixture.textOf(result));
    }

    @Test
    void noneTakesArguments() {
        for (Tool tool : StatelessTools.tools()) {
            assertEquals(Tool.NO_ARGUMENTS, tool.inputSchema(), tool.name());
        }
    }
}
