package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.berth.sdk.Completer;
import io.berth.sdk.Prompt;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reference server answers every {@code completion/complete} with no values, and so does the fixture. */
class CompletionsTest {

    @Test
    void promptWithArgumentsCompletesWithNothingAsTheReferenceDoes() {
        Completer completer = Fixture.prompt("test_prompt_with_arguments").completer();
        assertNotNull(completer);
        assertEquals(List.of(), completer.complete("arg1", "par", Map.of())); // the scenario's documented request
        assertEquals(List.of(), completer.complete("arg1", "test", Map.of())); // the request it sends
        assertEquals(List.of(), completer.complete("arg2", "", Map.of("arg1", "paris")));
    }

    @Test
    void embeddedResourcePromptCompletesWithNothing() {
        Completer completer = Fixture.prompt("test_prompt_with_embedded_resource").completer();
        assertNotNull(completer);
        assertEquals(List.of(), completer.complete("resourceUri", "test://", Map.of()));
    }

    @Test
    void promptsWithoutArgumentsHaveNoCompleter() {
        for (String name : List.of("test_simple_prompt", "test_prompt_with_image")) {
            Prompt prompt = Fixture.prompt(name);
            assertEquals(List.of(), prompt.arguments(), name);
            assertNull(prompt.completer(), name);
        }
    }

    @Test
    void templateCompletesItsIdWithNothing() {
        Completer completer = Fixture.template("test://template/{id}/data").completer();
        assertNotNull(completer);
        assertEquals(List.of(), completer.complete("id", "12", Map.of()));
    }
}
