package io.berth.examples.conformance;

import io.berth.sdk.Content;
import io.berth.sdk.InputResponses;
import io.berth.sdk.Prompt;
import io.berth.sdk.PromptMessage;
import io.berth.sdk.PromptResult;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolException;

import java.util.List;
import java.util.Map;

/**
 * {@code test_input_required_result_prompt} (scenario {@code input-required-result-non-tool-request}): a prompt that
 * asks the user, with the elicitation {@code user_context}, which context to use, and expands to one user message
 * with it. It shows that prompts, like tools, ask for input through {@link ToolContext#requestInput}.
 */
final class InputRequiredPrompt {

    static final String USER_CONTEXT = "user_context";
    static final String QUESTION = "What context should the prompt use?";

    private InputRequiredPrompt() {
    }

    static Prompt prompt() {
        return new Prompt("test_input_required_result_prompt", "Prompt Asking For Context",
                "A prompt that asks the user for its context with an elicitation input request", List.of(),
                (arguments, context) -> expand(context), null);
    }

    private static PromptResult expand(ToolContext context) throws ToolException {
        InputResponses answers = context.requestInput(
                Map.of(USER_CONTEXT, InputRequests.form(QUESTION, "context", "string")));
        String chosen = InputRequests.acceptedString(answers, USER_CONTEXT, "context");
        return new PromptResult(null, List.of(PromptMessage.user(new Content.Text("Use this context: " + chosen))));
    }
}
