package io.berth.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What each tenant's plugins offer on this node. Reads are lock-free: a tenant's catalog is replaced whole. */
@ApplicationScoped
public class PluginCatalog {

    private final Map<String, TenantCatalog> byTenant = new ConcurrentHashMap<>();

    public TenantCatalog of(String tenantId) {
        return byTenant.getOrDefault(tenantId, TenantCatalog.EMPTY);
    }

    void replace(String tenantId, TenantCatalog catalog) {
        byTenant.put(tenantId, catalog);
    }
}
