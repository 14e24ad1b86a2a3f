package io.berth.admin;

import io.berth.admin.rest.ProblemMappers;
import io.berth.admin.rest.SecurityHeadersFilter;
import io.berth.admin.security.RoleChecks;
import io.berth.admin.tenantapi.TenantApi;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import java.util.HashSet;
import java.util.Set;

/**
 * Berth's REST APIs: the operator API ({@link OperatorApi}, {@code /admin/api/v1}) and the tenant API
 * ({@link TenantApi}, {@code /api/v1}). One JAX-RS application, because MicroProfile OpenAPI documents one application
 * per module; each API's own authentication filter guards its path prefix. The MCP endpoints are servlets under
 * {@code /t/*} and never reach JAX-RS.
 */
@ApplicationPath("/")
@SecurityScheme(securitySchemeName = OperatorApi.SECURITY_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The operator token printed at first start, or the one configured in berth.operator.token, or a "
                + "person's token from the organisation's identity provider with the berth:operator group")
@SecurityScheme(securitySchemeName = TenantApi.SECURITY_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A tenant API key holding a role (berth_live_… or berth_test_…), or a person's token from the "
                + "organisation's identity provider with a berth:<tenant>:<role> group (Berth-Tenant header names "
                + "the tenant when the person has roles in several)")
@OpenAPIDefinition(info = @Info(title = "Berth API", version = "v1",
        description = "The operator API (/admin/api/v1: tenants and what their plugins may reach; the operator bearer "
                + "token) and the tenant API (/api/v1: a tenant's plugins and tools; the tenant's API key)."))
public class RestApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(OperatorApi.classes());
        classes.addAll(TenantApi.classes());
        classes.addAll(Set.of(RoleChecks.class, SecurityHeadersFilter.class, ProblemMappers.ProblemExceptionMapper.class,
                ProblemMappers.TenantExceptionMapper.class, ProblemMappers.WebApplicationExceptionMapper.class,
                ProblemMappers.UnexpectedExceptionMapper.class));
        return classes;
    }
}
