package io.berth.core.plugin;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One tenant's deployed tools, in name order (MCP list results are deterministic). Immutable. */
public final class TenantTools {

    public static final TenantTools NONE = new TenantTools(List.of());

    private final List<PluginTool> ordered;
    private final Map<String, PluginTool> byName;

    TenantTools(List<PluginTool> tools) {
        this.ordered = tools.stream().sorted(Comparator.comparing(PluginTool::name)).toList();
        Map<String, PluginTool> map = new LinkedHashMap<>();
        ordered.forEach(t -> map.put(t.name(), t));
        this.byName = Map.copyOf(map);
    }

    public List<PluginTool> all() {
        return ordered;
    }

    public Optional<PluginTool> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
