package io.berth.examples.conformance;

import io.berth.sdk.InputRequest;

import java.util.Map;

/**
 * Answers input requests the way the conformance suite's scenarios do ({@code input-required-result.ts},
 * {@code input-required-result-helpers.ts}): a form is accepted with the value the scenario sends for its property
 * ({@code name} Alice, {@code color} blue, {@code ok} true, {@code context} "test context", {@code confirm} true), a
 * sampling request gets {@code Hello there!}, a roots request the suite's one test root.
 */
final class SuiteClient {

    private static final Map<String, Object> FORM_VALUES = Map.of(
            "name", "Alice", "color", "blue", "ok", true, "context", "test context", "confirm", true);

    private SuiteClient() {
    }

    static Map<String, Object> answer(InputRequest request) {
        if (request instanceof InputRequest.Elicit form) {
            Map<?, ?> properties = (Map<?, ?>) form.requestedSchema().get("properties");
            Map<String, Object> content = new java.util.LinkedHashMap<>();
            properties.keySet().forEach(p -> content.put((String) p, FORM_VALUES.get(p)));
            return Fixture.accepted(content);
        }
        if (request instanceof InputRequest.Sample) {
            return Fixture.sampled("Hello there!");
        }
        if (request instanceof InputRequest.ListRoots) {
            return Fixture.suiteRoots();
        }
        throw new AssertionError("the suite never answers " + request);
    }
}
