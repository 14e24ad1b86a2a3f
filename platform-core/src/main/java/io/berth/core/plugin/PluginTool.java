package io.berth.core.plugin;

import io.berth.sdk.Tool;

import java.util.Objects;

/** A tool as deployed for one tenant: the plugin's declaration and the loader its code runs under. */
public record PluginTool(String tenantId, String pluginName, Tool tool, ClassLoader loader) {

    public PluginTool {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(pluginName, "pluginName");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(loader, "loader");
    }

    public String name() {
        return tool.name();
    }
}
