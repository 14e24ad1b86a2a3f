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
 * The {@code input-required-result-*} tools whose scenarios also check the {@code requestState} round trip
 * ({@code input-required-result.ts}). The state itself is Berth's: it seals the answers of earlier rounds into it,
 * verifies it on the retry and rejects a tampered one with -32602 before the tool runs again. A tool reaching its
 * result on a retry therefore only ever sees state Berth accepted. None takes arguments.
 * <ul>
 * <li>{@code test_input_required_result_request_state}: {@code confirm} ({@code ok}) →
 * {@code state-ok: ok=<ok>};</li>
 * <li>{@code test_input_required_result_multiple_inputs}: {@code user_name}, {@code greeting} (sampling) and
 * {@code client_roots} in one round → {@code name=…, greeting=…, roots=…};</li>
 * <li>{@code test_input_required_result_multi_round}: {@code step1} (name), then {@code step2} (color) →
 * {@code <name> likes <color>};</li>
 * <li>{@code test_input_required_result_tampered_state}: {@code confirm} ({@code ok}) →
 * {@code Confirmed: ok=<ok>}.</li>
 * </ul>
 */
final class InputRequiredFlowTools {

    static final String CONFIRM = "confirm";
    static final String GREETING = "greeting";

    private InputRequiredFlowTools() {
    }

    static List<Tool> tools() {
        return List.of(
                tool("test_input_required_result_request_state",
                        "Asks for a confirmation; the answer comes back with the request state Berth sealed",
                        context -> ToolResult.text("state-ok: ok=" + confirm(context))),
                tool("test_input_required_result_multiple_inputs",
                        "Asks for a name, a model-written greeting and the client's roots in one round",
                        InputRequiredFlowTools::multipleInputs),
                tool("test_input_required_result_multi_round",
                        "Asks for a name, then in a second round for a favourite color",
                        InputRequiredFlowTools::multiRound),
                tool("test_input_required_result_tampered_state",
                        "Asks for a confirmation; a retry whose request state was altered is rejected by Berth",
                        context -> ToolResult.text("Confirmed: ok=" + confirm(context))));
    }

    /** Asks {@code confirm}, "Please confirm", for a required boolean {@code ok}. */
    private static boolean confirm(ToolContext context) throws ToolException {
        InputResponses answers = context.requestInput(
                Map.of(CONFIRM, InputRequests.form("Please confirm", "ok", "boolean")));
        return InputRequests.acceptedBoolean(answers, CONFIRM, "ok");
    }

    private static ToolResult multipleInputs(ToolContext context) throws ToolException {
        InputResponses answers = context.requestInput(InputRequests.inOrder(
                InputRequiredTools.USER_NAME, InputRequests.askName(),
                GREETING, InputRequests.sample("Generate a greeting", 50),
                InputRequiredTools.ROOTS, new InputRequest.ListRoots()));
        return ToolResult.text("name=" + InputRequests.acceptedString(answers, InputRequiredTools.USER_NAME, "name")
                + ", greeting=" + InputRequests.sampledText(answers, GREETING)
                + ", roots=" + InputRequests.describeRoots(answers, InputRequiredTools.ROOTS));
    }

    private static ToolResult multiRound(ToolContext context) throws ToolException {
        InputResponses first = context.requestInput(
                Map.of("step1", InputRequests.form("Step 1: What is your name?", "name", "string")));
        String name = InputRequests.acceptedString(first, "step1", "name");
        InputResponses second = context.requestInput(
                Map.of("step2", InputRequests.form("Step 2: What is your favorite color?", "color", "string")));
        return ToolResult.text(name + " likes " + InputRequests.acceptedString(second, "step2", "color"));
    }
}
