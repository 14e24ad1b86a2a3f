package io.berth.examples.conformance;

import io.berth.sdk.Completer;
import io.berth.sdk.Content;
import io.berth.sdk.Prompt;
import io.berth.sdk.PromptArgument;
import io.berth.sdk.PromptMessage;
import io.berth.sdk.PromptResult;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceContents;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolResult;

import java.util.List;

/**
 * A resource, a resource template and a prompt for callers granted {@value #SCOPE} only, and an open tool that
 * announces updates of the scoped resource and then of {@code test://watched-resource}. Not conformance scenarios (an
 * anonymous caller, as in the conformance runs, never sees them): Berth's own tests use them to show that resources
 * and prompts follow the same scope rule as tools, and that an update of a resource reaches only subscribers that may
 * read it.
 */
final class ScopedOfferings {

    static final String SCOPE = "notes.read";
    static final String NOTES = "test://scoped/notes";
    static final String NOTE_TEMPLATE = "test://scoped/{id}/note";
    static final String PROMPT = "scoped_prompt";
    static final String TOUCH = "test_touch_scoped_notes";
    static final Completer IDS = (argument, prefix, others) -> List.of(prefix + "1", prefix + "2");

    private ScopedOfferings() {
    }

    static Resource resource() {
        return Resource.builder(NOTES, "scoped-notes").title("Scoped notes").mimeType("text/plain")
                .reader((uri, context) -> List.of(ResourceContents.text(uri, "text/plain", "All notes")))
                .scopes(SCOPE).build();
    }

    static ResourceTemplate template() {
        return ResourceTemplate.builder(NOTE_TEMPLATE, "scoped-note").title("One scoped note").mimeType("text/plain")
                .reader((uri, variables, context) -> List.of(ResourceContents.text(uri, "text/plain",
                        "Note " + variables.get("id"))))
                .completer(IDS).scopes(SCOPE).build();
    }

    static Prompt prompt() {
        return Prompt.builder(PROMPT).title("Scoped prompt").description("Summarises a note; needs " + SCOPE)
                .arguments(new PromptArgument("id", "The note", true))
                .handler((arguments, context) -> new PromptResult(null, List.of(PromptMessage.user(
                        new Content.Text("Summarise note " + arguments.get("id"))))))
                .completer(IDS).scopes(SCOPE).build();
    }

    static Tool touch() {
        return Tool.builder(TOUCH).description("Announces an update of " + NOTES + ", then of test://watched-resource")
                .handler((call, context) -> {
                    context.resourceUpdated(NOTES);
                    context.resourceUpdated("test://watched-resource");
                    return ToolResult.text("Touched");
                })
                .build();
    }
}
