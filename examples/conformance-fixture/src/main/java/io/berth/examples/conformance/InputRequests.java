package io.berth.examples.conformance;

import io.berth.sdk.Elicitation;
import io.berth.sdk.InputRequest;
import io.berth.sdk.InputResponses;
import io.berth.sdk.Root;
import io.berth.sdk.ToolException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.berth.examples.conformance.Json.object;

/**
 * The input requests the 2026-07-28 fixtures ask for (messages, schemas and prompts as the scenario documents show
 * them), and readers for the answers. A reader throws a {@link ToolException} when the client's answer does not hold
 * what was asked, so the model reads why the tool could not finish.
 */
final class InputRequests {

    static final String NAME_QUESTION = "What is your name?";
    static final String CAPITAL_QUESTION = "What is the capital of France?";

    private InputRequests() {
    }

    /** A form with one required property {@code property} of JSON type {@code type}. */
    static InputRequest.Elicit form(String message, String property, String type) {
        return new InputRequest.Elicit(message, object(
                "type", "object",
                "properties", object(property, object("type", type)),
                "required", List.of(property)));
    }

    /** The suite's usual first question: a form with one required string {@code name}. */
    static InputRequest.Elicit askName() {
        return form(NAME_QUESTION, "name", "string");
    }

    /** A sampling request: one user message {@code text}, at most {@code maxTokens} tokens. */
    static InputRequest.Sample sample(String text, long maxTokens) {
        return new InputRequest.Sample(object(
                "messages", List.of(object("role", "user", "content", object("type", "text", "text", text))),
                "maxTokens", maxTokens));
    }

    /** The sampling request of {@code input-required-result-basic-sampling}. */
    static InputRequest.Sample askCapital() {
        return sample(CAPITAL_QUESTION, 100);
    }

    /** Requests in the order given, for a single {@link io.berth.sdk.ToolContext#requestInput} call. */
    static Map<String, InputRequest> inOrder(Object... keysAndRequests) {
        Map<String, InputRequest> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndRequests.length; i += 2) {
            map.put((String) keysAndRequests[i], (InputRequest) keysAndRequests[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The value of {@code property} in the accepted form answered to {@code key}. */
    static Object accepted(InputResponses answers, String key, String property) throws ToolException {
        Elicitation answer = answers.elicitation(key);
        if (!answer.accepted()) {
            throw new ToolException("The user did not answer " + key + " (" + answer.action() + ")");
        }
        Object value = answer.content() == null ? null : answer.content().get(property);
        if (value == null) {
            throw new ToolException("The answer to " + key + " has no " + property);
        }
        return value;
    }

    /** The string {@code property} of the accepted form answered to {@code key}. */
    static String acceptedString(InputResponses answers, String key, String property) throws ToolException {
        if (accepted(answers, key, property) instanceof String s) {
            return s;
        }
        throw new ToolException("The answer to " + key + " has no string " + property);
    }

    /** The boolean {@code property} of the accepted form answered to {@code key}. */
    static boolean acceptedBoolean(InputResponses answers, String key, String property) throws ToolException {
        if (accepted(answers, key, property) instanceof Boolean b) {
            return b;
        }
        throw new ToolException("The answer to " + key + " has no boolean " + property);
    }

    /** The text the client's model answered to {@code key}, read as {@link SamplingTool} reads it. */
    static String sampledText(InputResponses answers, String key) {
        return SamplingTool.responseText(answers.get(key));
    }

    /** The roots answered to {@code key}: {@code uri (name)} each, comma-separated; {@code none} if there are none. */
    static String describeRoots(InputResponses answers, String key) {
        List<Root> roots = answers.roots(key);
        if (roots.isEmpty()) {
            return "none";
        }
        return roots.stream()
                .map(r -> r.name() == null ? r.uri() : r.uri() + " (" + r.name() + ")")
                .collect(Collectors.joining(", "));
    }
}
