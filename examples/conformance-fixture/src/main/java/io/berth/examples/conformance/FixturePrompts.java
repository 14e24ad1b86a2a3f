package io.berth.examples.conformance;

import io.berth.sdk.Content;
import io.berth.sdk.Prompt;
import io.berth.sdk.PromptArgument;
import io.berth.sdk.PromptMessage;
import io.berth.sdk.PromptResult;

import java.util.List;

/**
 * The prompts of the scenarios {@code prompts-list}, {@code prompts-get-simple}, {@code -with-args},
 * {@code -embedded-resource} and {@code -with-image}, and the prompt {@code completion-complete} asks to complete. Names,
 * titles, descriptions, argument descriptions and texts are the reference server's; every argument there is a required
 * {@code z.string()}, so every argument here is required, and its results carry no description. The prompts with
 * arguments complete them as the reference does, with no suggestions ({@link Completions}).
 */
final class FixturePrompts {

    static final String SIMPLE_TEXT = "This is a simple prompt for testing.";
    static final String EMBEDDED_TEXT = "Embedded resource content for testing.";
    static final String EMBEDDED_INSTRUCTION = "Please process the embedded resource above.";
    static final String IMAGE_INSTRUCTION = "Please analyze the image above.";

    private FixturePrompts() {
    }

    static List<Prompt> prompts() {
        return List.of(
                new Prompt("test_simple_prompt", "Simple Test Prompt", "A simple prompt without arguments",
                        List.of(),
                        (arguments, context) -> result(PromptMessage.user(new Content.Text(SIMPLE_TEXT))),
                        null),
                new Prompt("test_prompt_with_arguments", "Prompt With Arguments", "A prompt with required arguments",
                        List.of(new PromptArgument("arg1", "First test argument", true),
                                new PromptArgument("arg2", "Second test argument", true)),
                        (arguments, context) -> result(PromptMessage.user(new Content.Text(
                                "Prompt with arguments: arg1='" + arguments.get("arg1")
                                        + "', arg2='" + arguments.get("arg2") + "'"))),
                        Completions.NONE),
                new Prompt("test_prompt_with_embedded_resource", "Prompt With Embedded Resource",
                        "A prompt that includes an embedded resource",
                        List.of(new PromptArgument("resourceUri", "URI of the resource to embed", true)),
                        (arguments, context) -> result(
                                PromptMessage.user(new Content.EmbeddedResource(arguments.get("resourceUri"),
                                        "text/plain", EMBEDDED_TEXT, null)),
                                PromptMessage.user(new Content.Text(EMBEDDED_INSTRUCTION))),
                        Completions.NONE),
                new Prompt("test_prompt_with_image", "Prompt With Image", "A prompt that includes image content",
                        List.of(),
                        (arguments, context) -> result(
                                PromptMessage.user(new Content.Image(SampleMedia.PNG_BASE64, "image/png")),
                                PromptMessage.user(new Content.Text(IMAGE_INSTRUCTION))),
                        null));
    }

    private static PromptResult result(PromptMessage... messages) {
        return new PromptResult(null, List.of(messages));
    }
}
