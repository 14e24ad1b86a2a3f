package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.examples.conformance.Fixture.InputRequired;
import io.berth.examples.conformance.Fixture.RecordingContext;
import io.berth.sdk.Content;
import io.berth.sdk.InputRequest;
import io.berth.sdk.Prompt;
import io.berth.sdk.PromptMessage;
import io.berth.sdk.PromptResult;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputRequiredPromptTest {

    private final Prompt prompt = Fixture.prompt("test_input_required_result_prompt");

    @Test
    void asksUserContextForAContextString() {
        InputRequired asked = assertThrows(InputRequired.class,
                () -> prompt.handler().get(Map.of(), new RecordingContext()));
        assertEquals(List.of("user_context"), List.copyOf(asked.requests.keySet()));
        InputRequest.Elicit form = assertInstanceOf(InputRequest.Elicit.class, asked.requests.get("user_context"));
        assertEquals("What context should the prompt use?", form.message());
        assertEquals("{\"type\":\"object\",\"properties\":{\"context\":{\"type\":\"string\"}},\"required\":"
                + "[\"context\"]}", JsonText.stringify(form.requestedSchema()));
    }

    @Test
    void expandsToOneUserMessageWithTheContext() throws Exception {
        RecordingContext context = new RecordingContext();
        context.inputAnswers.put("user_context", Fixture.accepted(Map.of("context", "test context")));
        PromptResult result = prompt.handler().get(Map.of(), context);
        assertEquals(List.of(PromptMessage.user(new Content.Text("Use this context: test context"))),
                result.messages());
    }

    @Test
    void takesNoArguments() {
        assertEquals(List.of(), prompt.arguments());
    }
}
