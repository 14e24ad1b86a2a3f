package io.berth.core.plugin;

import io.berth.sdk.Prompt;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolPlugin;

import java.util.List;

/**
 * What a plugin declared, fixed at one moment: a {@link ToolPlugin} whose lists no longer run plugin code. Used for a
 * class-loader plugin's declarations read under a time-out, and for what a worker reported.
 */
record DeclaredOfferings(List<Tool> tools, List<Resource> resources, List<ResourceTemplate> resourceTemplates,
                         List<Prompt> prompts) implements ToolPlugin {

    DeclaredOfferings {
        tools = List.copyOf(tools);
        resources = List.copyOf(resources);
        resourceTemplates = List.copyOf(resourceTemplates);
        prompts = List.copyOf(prompts);
    }

    /** Reads every list of {@code plugin} once (this runs its code). */
    static DeclaredOfferings of(ToolPlugin plugin) {
        return new DeclaredOfferings(plugin.tools(), plugin.resources(), plugin.resourceTemplates(), plugin.prompts());
    }
}
