package io.berth.admin.tenantapi;


import java.util.Set;

/**
 * The tenant API under {@value #PATH}: what a tenant does with its own plugins and tools, authenticated by the tenant's
 * API key ({@link TenantAuthenticationFilter} guards exactly this path prefix), so that neither an operator nor a tenant
 * credential ever works on the other's paths. Served by {@code RestApi} together with the operator API.
 */
public final class TenantApi {

    public static final String PATH = "/api/v1";
    public static final String SECURITY_SCHEME = "tenant-api-key";

    private TenantApi() {
    }

    public static Set<Class<?>> classes() {
        return Set.of(PluginsResource.class, ToolsResource.class, SigningKeysResource.class,
                TenantRevocationsResource.class, TenantApiKeysResource.class, TenantCorsResource.class,
                TenantAuthenticationFilter.class, UploadSizeFilter.class, PluginProblems.class);
    }
}
