package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.examples.conformance.Fixture.RecordingContext;
import io.berth.sdk.CatalogList;
import io.berth.sdk.Content;
import io.berth.sdk.Prompt;
import io.berth.sdk.PromptMessage;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolCall;
import io.berth.sdk.ToolResult;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogChangesTest {

    /** One plugin instance throughout, as Berth keeps it between reads of its declarations. */
    private final ConformanceFixturePlugin plugin = new ConformanceFixturePlugin();

    private ToolResult trigger(String name, RecordingContext context) throws Exception {
        Tool tool = plugin.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        return tool.handler().call(new ToolCall(name, Map.of()), context);
    }

    private List<String> toolNames() {
        return plugin.tools().stream().map(Tool::name).toList();
    }

    private List<String> promptNames() {
        return plugin.prompts().stream().map(Prompt::name).toList();
    }

    @Test
    void theToolTriggerAddsThenRemovesTheDynamicToolAndAnnouncesEachChange() throws Exception {
        assertFalse(toolNames().contains("test_dynamic_tool"));
        RecordingContext context = new RecordingContext();

        assertEquals("Added test_dynamic_tool", Fixture.textOf(trigger("test_trigger_tool_change", context)));
        assertTrue(toolNames().contains("test_dynamic_tool"));
        assertEquals("Removed test_dynamic_tool", Fixture.textOf(trigger("test_trigger_tool_change", context)));
        assertFalse(toolNames().contains("test_dynamic_tool"));

        assertEquals(List.of(CatalogList.TOOLS, CatalogList.TOOLS), context.listChanges);
        assertFalse(promptNames().contains("test_dynamic_prompt"), "the prompt list is untouched");
    }

    @Test
    void thePromptTriggerAddsThenRemovesTheDynamicPrompt() throws Exception {
        int tools = toolNames().size();
        RecordingContext context = new RecordingContext();

        assertEquals("Added test_dynamic_prompt", Fixture.textOf(trigger("test_trigger_prompt_change", context)));
        Prompt added = plugin.prompts().stream().filter(p -> p.name().equals("test_dynamic_prompt")).findFirst()
                .orElseThrow();
        assertEquals(List.of(PromptMessage.user(new Content.Text(CatalogChanges.DYNAMIC_TEXT))),
                added.handler().get(Map.of(), context).messages());
        assertEquals("Removed test_dynamic_prompt", Fixture.textOf(trigger("test_trigger_prompt_change", context)));
        assertFalse(promptNames().contains("test_dynamic_prompt"));

        assertEquals(List.of(CatalogList.PROMPTS, CatalogList.PROMPTS), context.listChanges);
        assertEquals(tools, toolNames().size(), "the tool list is untouched");
    }

    @Test
    void theDynamicToolAnswers() throws Exception {
        trigger("test_trigger_tool_change", new RecordingContext());
        Tool dynamic = plugin.tools().stream().filter(t -> t.name().equals("test_dynamic_tool")).findFirst()
                .orElseThrow();
        assertEquals(CatalogChanges.DYNAMIC_TEXT,
                Fixture.textOf(dynamic.handler().call(new ToolCall("test_dynamic_tool", Map.of()),
                        new RecordingContext())));
    }

    @Test
    void pluginInstancesDoNotShareTheirLists() throws Exception {
        trigger("test_trigger_tool_change", new RecordingContext());
        assertFalse(new ConformanceFixturePlugin().tools().stream().anyMatch(t -> t.name().equals("test_dynamic_tool")));
    }
}
