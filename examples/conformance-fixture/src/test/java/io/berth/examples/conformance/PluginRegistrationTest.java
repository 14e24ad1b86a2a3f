package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.berth.sdk.Prompt;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolPlugin;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PluginRegistrationTest {

    @Test
    void serviceLoaderFindsThePlugin() {
        List<ToolPlugin> plugins = ServiceLoader.load(ToolPlugin.class).stream().map(ServiceLoader.Provider::get).toList();
        assertEquals(1, plugins.size());
        assertInstanceOf(ConformanceFixturePlugin.class, plugins.get(0));
    }

    @Test
    void offersEachFixtureToolOnce() {
        List<String> names = new ConformanceFixturePlugin().tools().stream().map(Tool::name).toList();
        assertEquals(Set.of(
                "test_simple_text", "test_image_content", "test_audio_content", "test_embedded_resource",
                "test_multiple_content_types", "test_error_handling", "test_tool_with_progress",
                "test_tool_with_logging", "test_sampling", "test_elicitation", "test_elicitation_sep1034_defaults",
                "test_elicitation_sep1330_enums", "json_schema_2020_12_tool", "echo", "scoped_echo", "test_reconnection",
                "test_input_required_result_elicitation", "test_input_required_result_sampling",
                "test_input_required_result_list_roots", "test_input_required_result_capabilities",
                "test_input_required_result_request_state", "test_input_required_result_multiple_inputs",
                "test_input_required_result_multi_round", "test_input_required_result_tampered_state",
                "test_missing_capability", "test_streaming_elicitation", "test_logging_tool",
                "test_trigger_tool_change", "test_trigger_prompt_change",
                "slow_compute", "greet", "confirm_delete", "multi_input", "failing_job", "protocol_error_job",
                "test_tool_with_task", "test_custom_headers", "test_touch_scoped_notes"),
                Set.copyOf(names));
        assertEquals(Set.copyOf(names).size(), names.size(), "duplicate names in " + names);
    }

    @Test
    void offersEachFixturePromptOnce() {
        assertEquals(List.of("test_simple_prompt", "test_prompt_with_arguments", "test_prompt_with_embedded_resource",
                "test_prompt_with_image", "test_input_required_result_prompt", "scoped_prompt"),
                new ConformanceFixturePlugin().prompts().stream().map(Prompt::name).toList());
    }

    @Test
    void offersEachFixtureResourceAndTemplateOnce() {
        assertEquals(List.of("test://static-text", "test://static-binary", "test://watched-resource",
                        "test://scoped/notes"),
                new ConformanceFixturePlugin().resources().stream().map(Resource::uri).toList());
        assertEquals(List.of("test://template/{id}/data", "test://scoped/{id}/note"),
                new ConformanceFixturePlugin().resourceTemplates().stream().map(ResourceTemplate::uriTemplate).toList());
    }

    @Test
    void toolsWithoutArgumentsDeclareTheEmptyObjectSchema() {
        for (String name : List.of("test_simple_text", "test_image_content", "test_audio_content",
                "test_embedded_resource", "test_multiple_content_types", "test_error_handling",
                "test_tool_with_progress", "test_tool_with_logging", "test_elicitation_sep1034_defaults",
                "test_elicitation_sep1330_enums")) {
            assertEquals(Tool.NO_ARGUMENTS, Fixture.tool(name).inputSchema(), name);
        }
    }

    /**
     * Berth lists tools sorted by name, and http-header-validation (http-standard-headers.ts) calls the first one with
     * {@code {}} and no client capabilities, expecting a result: the first tool must neither ask for input (Berth would
     * answer -32021) nor fail outside a tool error.
     */
    @Test
    void theFirstToolByNameAnswersEmptyArgumentsWithoutAskingForInput() throws Exception {
        String first = new ConformanceFixturePlugin().tools().stream().map(Tool::name).sorted().findFirst().orElseThrow();
        Fixture.RecordingContext context = new Fixture.RecordingContext();
        try {
            Fixture.call(first, Map.of(), context);
        } catch (ToolException expected) {
            // a tool error is a result too
        }
        assertEquals(List.of(), context.inputRequests, first);
    }
}
