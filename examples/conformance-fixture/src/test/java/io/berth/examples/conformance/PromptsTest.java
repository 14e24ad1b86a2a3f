package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.berth.sdk.Content;
import io.berth.sdk.Prompt;
import io.berth.sdk.PromptArgument;
import io.berth.sdk.PromptMessage;
import io.berth.sdk.PromptResult;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptsTest {

    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    private static void assertDeclared(String name, String title, String description, List<PromptArgument> arguments) {
        Prompt prompt = Fixture.prompt(name);
        assertEquals(title, prompt.title(), name);
        assertEquals(description, prompt.description(), name);
        assertEquals(arguments, prompt.arguments(), name);
    }

    private static List<PromptMessage> messagesOf(String name, Map<String, String> arguments) throws Exception {
        PromptResult result = Fixture.getPrompt(name, arguments);
        assertNull(result.description(), name);
        return result.messages();
    }

    @Test
    void simplePrompt() throws Exception {
        assertDeclared("test_simple_prompt", "Simple Test Prompt", "A simple prompt without arguments", List.of());
        assertEquals(List.of(PromptMessage.user(new Content.Text("This is a simple prompt for testing."))),
                messagesOf("test_simple_prompt", Map.of()));
    }

    @Test
    void promptWithArgumentsDeclaresTwoRequiredArgumentsInOrder() {
        assertDeclared("test_prompt_with_arguments", "Prompt With Arguments", "A prompt with required arguments",
                List.of(new PromptArgument("arg1", "First test argument", true),
                        new PromptArgument("arg2", "Second test argument", true)));
    }

    @Test
    void promptWithArgumentsSubstitutesBoth() throws Exception {
        assertEquals(List.of(PromptMessage.user(new Content.Text("Prompt with arguments: arg1='hello', arg2='world'"))),
                messagesOf("test_prompt_with_arguments", Map.of("arg1", "hello", "arg2", "world")));
        // what the suite sends
        assertEquals(List.of(PromptMessage.user(
                        new Content.Text("Prompt with arguments: arg1='testValue1', arg2='testValue2'"))),
                messagesOf("test_prompt_with_arguments", Map.of("arg1", "testValue1", "arg2", "testValue2")));
    }

    @Test
    void promptWithArgumentsQuotesValuesVerbatim() throws Exception {
        assertEquals(List.of(PromptMessage.user(new Content.Text("Prompt with arguments: arg1='it's', arg2=''"))),
                messagesOf("test_prompt_with_arguments", Map.of("arg1", "it's", "arg2", "")));
    }

    @Test
    void promptWithEmbeddedResource() throws Exception {
        assertDeclared("test_prompt_with_embedded_resource", "Prompt With Embedded Resource",
                "A prompt that includes an embedded resource",
                List.of(new PromptArgument("resourceUri", "URI of the resource to embed", true)));
        assertEquals(List.of(
                        PromptMessage.user(new Content.EmbeddedResource("test://example-resource", "text/plain",
                                "Embedded resource content for testing.", null)),
                        PromptMessage.user(new Content.Text("Please process the embedded resource above."))),
                messagesOf("test_prompt_with_embedded_resource", Map.of("resourceUri", "test://example-resource")));
    }

    @Test
    void promptWithImage() throws Exception {
        assertDeclared("test_prompt_with_image", "Prompt With Image", "A prompt that includes image content", List.of());
        assertEquals(List.of(
                        PromptMessage.user(new Content.Image(PNG, "image/png")),
                        PromptMessage.user(new Content.Text("Please analyze the image above."))),
                messagesOf("test_prompt_with_image", Map.of()));
    }

    @Test
    void everyMessageIsTheUsers() throws Exception {
        for (Prompt prompt : new ConformanceFixturePlugin().prompts()) {
            Map<String, String> arguments = new java.util.HashMap<>();
            prompt.arguments().forEach(a -> arguments.put(a.name(), "x"));
            Fixture.RecordingContext context = new Fixture.RecordingContext();
            context.inputAnswers.put("user_context", Fixture.accepted(Map.of("context", "x")));
            for (PromptMessage message : prompt.handler().get(arguments, context).messages()) {
                assertEquals(PromptMessage.Role.USER, message.role(), prompt.name());
            }
        }
    }
}
