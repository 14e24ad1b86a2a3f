package io.berth.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which tools each tenant has deployed on this node. Reads are lock-free: a tenant's set is replaced whole. */
@ApplicationScoped
public class PluginCatalog {

    private final Map<String, TenantTools> byTenant = new ConcurrentHashMap<>();

    public TenantTools tools(String tenantId) {
        return byTenant.getOrDefault(tenantId, TenantTools.NONE);
    }

    void replace(String tenantId, List<PluginTool> tools) {
        byTenant.put(tenantId, new TenantTools(tools));
    }
}
