package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.examples.conformance.Fixture.RecordingContext;
import io.berth.sdk.Content;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolResult;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplingToolTest {

    /** What the suite's client answers (tools.ts, ToolsCallSamplingScenario). */
    private static final Map<String, Object> SUITE_ANSWER = Map.of(
            "role", "assistant",
            "content", Map.of("type", "text", "text", "This is a test response from the client"),
            "model", "test-model",
            "stopReason", "endTurn");

    private static ToolResult sample(Map<String, Object> answer) throws Exception {
        return Fixture.call("test_sampling", Map.of("prompt", "Test prompt for sampling"),
                RecordingContext.sampling(answer));
    }

    private static String textOf(ToolResult result) {
        assertEquals(1, result.content().size());
        return ((Content.Text) result.content().get(0)).text();
    }

    @Test
    void sendsThePromptAsOneUserMessageWithAHundredTokens() throws Exception {
        RecordingContext context = RecordingContext.sampling(SUITE_ANSWER);
        Fixture.call("test_sampling", Map.of("prompt", "Test prompt for sampling"), context);

        assertEquals(1, context.samplingRequests.size());
        Map<String, Object> params = context.samplingRequests.get(0);
        assertEquals(Map.of(
                "messages", List.of(Map.of(
                        "role", "user",
                        "content", Map.of("type", "text", "text", "Test prompt for sampling"))),
                "maxTokens", 100L), params);
        // Byte for byte the reference server's request, key order included (JSON.stringify of its params).
        assertEquals("{\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"Test prompt for "
                + "sampling\"}}],\"maxTokens\":100}", JsonText.stringify(params));
    }

    @Test
    void returnsTheModelsText() throws Exception {
        ToolResult result = sample(SUITE_ANSWER);
        assertFalse(result.isError());
        assertEquals("LLM response: This is a test response from the client", textOf(result));
    }

    @Test
    void readsAMessageWrappedResultLikeTheReference() throws Exception {
        ToolResult result = sample(Map.of("message", Map.of("content", Map.of("type", "text", "text", "wrapped"))));
        assertEquals("LLM response: wrapped", textOf(result));
    }

    @Test
    void saysNoResponseWhenThereIsNoText() throws Exception {
        assertEquals("LLM response: No response", textOf(sample(Map.of("role", "assistant"))));
        assertEquals("LLM response: No response",
                textOf(sample(Map.of("content", Map.of("type", "image", "data", "AA==", "mimeType", "image/png")))));
        assertEquals("LLM response: No response", textOf(sample(Map.of("content", Map.of("type", "text", "text", "")))));
        assertEquals("LLM response: No response",
                textOf(sample(Map.of("content", List.of(Map.of("type", "text", "text", "in an array"))))));
    }

    @Test
    void aClientWithoutSamplingGetsAnErrorResult() throws Exception {
        RecordingContext context = new RecordingContext();
        ToolResult result = Fixture.call("test_sampling", Map.of("prompt", "hi"), context);

        assertEquals(1, context.samplingRequests.size());
        assertTrue(result.isError());
        assertEquals("Sampling not supported or error: This client does not support sampling", textOf(result));
    }

    @Test
    void aFailedRequestGetsAnErrorResultWithItsMessage() throws Exception {
        RecordingContext context = new RecordingContext() {
            @Override
            public Map<String, Object> createMessage(Map<String, Object> params) throws ToolException {
                throw new ToolException("The client did not answer in time");
            }
        };
        ToolResult result = Fixture.call("test_sampling", Map.of("prompt", "hi"), context);

        assertTrue(result.isError());
        assertEquals("Sampling not supported or error: The client did not answer in time", textOf(result));
    }

    @Test
    void aMissingPromptIsAToolFailureAndSendsNothing() {
        RecordingContext context = RecordingContext.sampling(SUITE_ANSWER);
        var e = assertThrows(ToolException.class, () -> Fixture.call("test_sampling", Map.of(), context));
        assertTrue(e.getMessage().contains("'prompt'"), e.getMessage());
        assertEquals(List.of(), context.samplingRequests);
    }

    @Test
    void declaresPromptAsARequiredString() {
        Tool tool = Fixture.tool("test_sampling");
        assertEquals("Tests server-initiated sampling (LLM completion request)", tool.description());
        assertEquals("{\"type\":\"object\",\"properties\":{\"prompt\":{\"type\":\"string\",\"description\":"
                + "\"The prompt to send to the LLM\"}},\"required\":[\"prompt\"]}", JsonText.stringify(tool.inputSchema()));
    }
}
