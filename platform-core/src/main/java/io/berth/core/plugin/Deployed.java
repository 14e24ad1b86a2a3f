package io.berth.core.plugin;

import java.util.Objects;

/** Something a plugin offers (a tool, resource, template or prompt) as deployed for one tenant, with its loader. */
public record Deployed<T>(String tenantId, String pluginName, T item, ClassLoader loader) {

    public Deployed {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(pluginName, "pluginName");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(loader, "loader");
    }
}
