package io.berth.examples.conformance;

import io.berth.sdk.Prompt;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolPlugin;

import java.util.List;
import java.util.stream.Stream;

/** The plugin's entry point, found by Berth through {@link java.util.ServiceLoader}. */
public final class ConformanceFixturePlugin implements ToolPlugin {

    private final CatalogChanges changes = new CatalogChanges();

    @Override
    public List<Tool> tools() {
        return Stream.of(
                        ContentTools.tools(),
                        List.of(ErrorHandlingTool.tool(), ProgressTool.tool(), LoggingTool.tool(), SamplingTool.tool()),
                        ElicitationTools.tools(),
                        List.of(JsonSchema2020Tool.tool(), EchoTool.tool(), ScopedEchoTool.tool(), ReconnectionTool.tool()),
                        InputRequiredTools.tools(),
                        InputRequiredFlowTools.tools(),
                        StatelessTools.tools(),
                        List.of(SlowCompute.tool()),
                        TaskTools.tools(),
                        List.of(HeaderTool.tool(), ScopedOfferings.touch()),
                        changes.tools())
                .flatMap(List::stream)
                .toList();
    }

    @Override
    public List<Resource> resources() {
        return Stream.of(FixtureResources.resources(), List.of(ScopedOfferings.resource())).flatMap(List::stream)
                .toList();
    }

    @Override
    public List<ResourceTemplate> resourceTemplates() {
        return Stream.of(FixtureResources.templates(), List.of(ScopedOfferings.template())).flatMap(List::stream)
                .toList();
    }

    @Override
    public List<Prompt> prompts() {
        return Stream.of(FixturePrompts.prompts(), List.of(InputRequiredPrompt.prompt(), ScopedOfferings.prompt()),
                        changes.prompts())
                .flatMap(List::stream)
                .toList();
    }
}
