package io.berth.examples.conformance;

import io.berth.sdk.Tool;
import io.berth.sdk.ToolCall;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolResult;

import java.util.List;
import java.util.Map;

import static io.berth.examples.conformance.Json.object;

/**
 * {@code test_sampling} (scenario {@code tools-call-sampling}): asks the client's model to complete {@code prompt}
 * ({@code sampling/createMessage}, at most 100 tokens) and returns {@code LLM response: <text>}. The text is read as the
 * reference server reads it: {@code content.text}, else {@code message.content.text}, else {@code No response}. A client
 * that cannot sample gets an error result (the fixture document asks for an error; the reference server's text, but
 * with {@code isError: true}).
 */
final class SamplingTool {

    static final String RESPONSE_PREFIX = "LLM response: ";
    static final String NO_RESPONSE = "No response";
    static final String FAILURE_PREFIX = "Sampling not supported or error: ";
    static final long MAX_TOKENS = 100;

    private SamplingTool() {
    }

    static Tool tool() {
        return Tool.builder("test_sampling")
                .description("Tests server-initiated sampling (LLM completion request)")
                .inputSchema(object(
                        "type", "object",
                        "properties", object("prompt",
                                object("type", "string", "description", "The prompt to send to the LLM")),
                        "required", List.of("prompt")))
                .handler(SamplingTool::call)
                .build();
    }

    private static ToolResult call(ToolCall call, ToolContext context) throws ToolException {
        Map<String, Object> params = params(call.requireString("prompt"));
        Map<String, Object> result;
        try {
            result = context.createMessage(params);
        } catch (ToolException e) {
            return ToolResult.error(FAILURE_PREFIX + e.getMessage());
        }
        return ToolResult.text(RESPONSE_PREFIX + responseText(result));
    }

    /** The {@code sampling/createMessage} params for {@code prompt}. */
    static Map<String, Object> params(String prompt) {
        return object(
                "messages", List.of(object(
                        "role", "user",
                        "content", object("type", "text", "text", prompt))),
                "maxTokens", MAX_TOKENS);
    }

    /**
     * The model's text: {@code content.text} (a sampling result holds a single content block), else
     * {@code message.content.text}, else {@link #NO_RESPONSE}; an empty text counts as none, as JavaScript's
     * {@code ||} has it in the reference server.
     */
    static String responseText(Map<String, Object> result) {
        if (result == null) {
            return NO_RESPONSE;
        }
        String text = textOf(result.get("content"));
        if (text == null && result.get("message") instanceof Map<?, ?> message) {
            text = textOf(message.get("content"));
        }
        return text == null ? NO_RESPONSE : text;
    }

    private static String textOf(Object content) {
        return content instanceof Map<?, ?> block && block.get("text") instanceof String text && !text.isEmpty()
                ? text : null;
    }
}
