package io.berth.admin.tenantapi;

import io.berth.admin.rest.ProblemMappers;
import io.berth.admin.rest.SecurityHeadersFilter;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import java.util.Set;

/**
 * The tenant API: what a tenant does with its own plugins and tools. A separate application from the operator API,
 * with its own authentication (the tenant's API key), so that neither credential ever works on the other's paths.
 */
@ApplicationPath("/api/v1")
@SecurityScheme(securitySchemeName = TenantApi.SECURITY_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A tenant API key (berth_live_… or berth_test_…)")
public class TenantApi extends Application {

    public static final String SECURITY_SCHEME = "tenant-api-key";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(PluginsResource.class, ToolsResource.class, SigningKeysResource.class, TenantAuthenticationFilter.class,
                UploadSizeFilter.class, SecurityHeadersFilter.class, PluginProblems.class,
                ProblemMappers.ProblemExceptionMapper.class, ProblemMappers.WebApplicationExceptionMapper.class,
                ProblemMappers.UnexpectedExceptionMapper.class);
    }
}
