package io.berth.examples.conformance;

import io.berth.sdk.CatalogList;
import io.berth.sdk.Content;
import io.berth.sdk.Prompt;
import io.berth.sdk.PromptMessage;
import io.berth.sdk.PromptResult;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolResult;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.berth.examples.conformance.NoArgumentTools.tool;

/**
 * The list-change hooks of scenario {@code server-stateless} ({@code stateless.ts}, section 7): the suite opens a
 * {@code subscriptions/listen} stream, calls {@code test_trigger_tool_change} or {@code test_trigger_prompt_change},
 * and expects {@code notifications/tools/list_changed} or {@code notifications/prompts/list_changed} on the stream.
 *
 * <p>So that the announcement is true, each hook really changes its list: it adds {@code test_dynamic_tool} (or
 * {@code test_dynamic_prompt}) if absent, removes it if present, then calls {@link ToolContext#listChanged}. The flag
 * lives in this object, one per plugin instance, and Berth sees the change when it reads the plugin's declarations
 * again. It is not shared between Berth nodes: each node's instance keeps its own.
 */
final class CatalogChanges {

    static final String DYNAMIC_TOOL = "test_dynamic_tool";
    static final String DYNAMIC_PROMPT = "test_dynamic_prompt";
    static final String DYNAMIC_TEXT = "This comes and goes with the test_trigger_*_change tools.";

    private final AtomicBoolean toolAdded = new AtomicBoolean();
    private final AtomicBoolean promptAdded = new AtomicBoolean();

    /** The two hooks, and {@code test_dynamic_tool} while it is added. */
    List<Tool> tools() {
        List<Tool> tools = new ArrayList<>(List.of(
                tool("test_trigger_tool_change", "Adds or removes " + DYNAMIC_TOOL + " and announces the change",
                        context -> toggle(toolAdded, DYNAMIC_TOOL, CatalogList.TOOLS, context)),
                tool("test_trigger_prompt_change", "Adds or removes " + DYNAMIC_PROMPT + " and announces the change",
                        context -> toggle(promptAdded, DYNAMIC_PROMPT, CatalogList.PROMPTS, context))));
        if (toolAdded.get()) {
            tools.add(tool(DYNAMIC_TOOL, "Exists while test_trigger_tool_change has added it",
                    context -> ToolResult.text(DYNAMIC_TEXT)));
        }
        return List.copyOf(tools);
    }

    /** {@code test_dynamic_prompt} while it is added. */
    List<Prompt> prompts() {
        if (!promptAdded.get()) {
            return List.of();
        }
        PromptResult result = new PromptResult(null, List.of(PromptMessage.user(new Content.Text(DYNAMIC_TEXT))));
        return List.of(new Prompt(DYNAMIC_PROMPT, "Dynamic Prompt", "Exists while test_trigger_prompt_change has added it",
                List.of(), (arguments, context) -> result, null));
    }

    /** Flips {@code added}, then announces the change, so that Berth reading the list again sees the new one. */
    private static ToolResult toggle(AtomicBoolean added, String name, CatalogList list, ToolContext context) {
        boolean before;
        do {
            before = added.get();
        } while (!added.compareAndSet(before, !before));
        context.listChanged(list);
        return ToolResult.text((before ? "Removed " : "Added ") + name);
    }
}
