package io.berth.examples.conformance;

import io.berth.sdk.InputRequest;
import io.berth.sdk.InputResponses;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolResult;

import java.util.List;
import java.util.Map;

import static io.berth.examples.conformance.NoArgumentTools.tool;

/**
 * The tools of the 2026-07-28 {@code input-required-result-*} scenarios that ask for one input
 * ({@code input-required-result.ts}): each asks with {@link ToolContext#requestInput} under the key the scenario
 * documents and finishes with the answer. Berth turns the request into an {@code input_required} result, re-runs the
 * tool when the client retries with the answer, re-asks when the retry lacks it, and answers -32021 to a client that
 * did not declare the capability. None takes arguments.
 * <ul>
 * <li>{@code test_input_required_result_elicitation}: {@code user_name}, "What is your name?" → {@code Hello, <name>!};
 * also the tool of the missing-input-response, result-type, ignore-extra-params and validate-input scenarios;</li>
 * <li>{@code test_input_required_result_sampling}: {@code capital_question} → {@code LLM response: <text>};</li>
 * <li>{@code test_input_required_result_list_roots}: {@code client_roots} → {@code Client roots: <uri (name)>, …};</li>
 * <li>{@code test_input_required_result_capabilities}: wants the user's name and the model's answer, but asks only for
 * what the client declared ({@link ToolContext#canRequest}); with neither it says so.</li>
 * </ul>
 */
final class InputRequiredTools {

    static final String USER_NAME = "user_name";
    static final String CAPITAL = "capital_question";
    static final String ROOTS = "client_roots";

    private InputRequiredTools() {
    }

    static List<Tool> tools() {
        return List.of(
                tool("test_input_required_result_elicitation",
                        "Asks for the user's name with one elicitation input request", InputRequiredTools::greet),
                tool("test_input_required_result_sampling",
                        "Asks the client's model a question with one sampling input request",
                        InputRequiredTools::capital),
                tool("test_input_required_result_list_roots",
                        "Asks for the client's roots with one roots/list input request", InputRequiredTools::roots),
                tool("test_input_required_result_capabilities",
                        "Asks for a name and a completion, but only those the client can answer",
                        InputRequiredTools::whatTheClientSupports));
    }

    /** Asks {@code user_name} and greets the user: {@code Hello, <name>!}. */
    static ToolResult greet(ToolContext context) throws ToolException {
        InputResponses answers = context.requestInput(Map.of(USER_NAME, InputRequests.askName()));
        return ToolResult.text("Hello, " + InputRequests.acceptedString(answers, USER_NAME, "name") + "!");
    }

    private static ToolResult capital(ToolContext context) throws ToolException {
        InputResponses answers = context.requestInput(Map.of(CAPITAL, InputRequests.askCapital()));
        return ToolResult.text(SamplingTool.RESPONSE_PREFIX + InputRequests.sampledText(answers, CAPITAL));
    }

    /** Asks for each input only if the client declared the capability it needs. */
    private static ToolResult whatTheClientSupports(ToolContext context) throws ToolException {
        Map<String, InputRequest> wanted = new java.util.LinkedHashMap<>();
        wanted.put(USER_NAME, InputRequests.askName());
        wanted.put(CAPITAL, InputRequests.askCapital());
        wanted.values().removeIf(r -> !context.canRequest(r));
        if (wanted.isEmpty()) {
            return ToolResult.text("This client supports neither elicitation nor sampling");
        }
        InputResponses answers = context.requestInput(wanted);
        return ToolResult.text("Answered: " + String.join(", ", answers.answers().keySet()));
    }

    private static ToolResult roots(ToolContext context) throws ToolException {
        InputResponses answers = context.requestInput(Map.of(ROOTS, new InputRequest.ListRoots()));
        return ToolResult.text("Client roots: " + InputRequests.describeRoots(answers, ROOTS));
    }
}
