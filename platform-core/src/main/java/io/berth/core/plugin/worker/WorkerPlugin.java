package io.berth.core.plugin.worker;

import io.berth.sdk.Prompt;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.Tool;

import java.util.List;
import java.util.Objects;

/**
 * One {@code ToolPlugin} running in a tenant's worker, as the rest of Berth sees it: the same SDK records a
 * classloader plugin declares, whose handlers, readers and completers forward each call to the worker and serve the
 * worker's use of its {@code ToolContext} from the context they are called with. Hand them to the catalog like
 * classloader plugins' declarations, e.g. {@code new Deployed<>(p.tenantId(), p.jarName(), tool, p.loader())}; calls
 * then go through {@code PluginCalls} (bulkhead, time-out by interruption) exactly as today.
 *
 * @param jarName the deployed JAR's file name (several plugins may come from one JAR)
 * @param index   the plugin's position in the worker (load order)
 */
public record WorkerPlugin(String tenantId, String jarName, int index, List<Tool> tools, List<Resource> resources,
                           List<ResourceTemplate> templates, List<Prompt> prompts) {

    public WorkerPlugin {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(jarName, "jarName");
        tools = List.copyOf(tools);
        resources = List.copyOf(resources);
        templates = List.copyOf(templates);
        prompts = List.copyOf(prompts);
    }

    /**
     * The class loader to name in a {@code Deployed}: the host's own, since no plugin code runs in the host. Swapping
     * it in as context loader around a call is harmless.
     */
    public ClassLoader loader() {
        return WorkerPlugin.class.getClassLoader();
    }
}
