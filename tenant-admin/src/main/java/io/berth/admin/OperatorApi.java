package io.berth.admin;

import io.berth.admin.access.AgentAccessResource;
import io.berth.admin.access.IdentityProvidersResource;
import io.berth.admin.access.RevocationsResource;
import io.berth.admin.apikeys.ApiKeysResource;
import io.berth.admin.capabilities.DataResource;
import io.berth.admin.capabilities.EgressResource;
import io.berth.admin.capabilities.SecretsResource;
import io.berth.admin.rest.BodySizeFilter;
import io.berth.admin.rest.OperatorAuthenticationFilter;
import io.berth.admin.rest.ProblemMappers;
import io.berth.admin.rest.SecurityHeadersFilter;
import io.berth.admin.tenants.TenantsResource;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import java.util.Set;

/**
 * The operator REST API. Its classes are listed explicitly so that the tenant API, a separate application with its own
 * authentication, can never pick up an operator resource by classpath scanning.
 */
@ApplicationPath("/admin/api/v1")
@OpenAPIDefinition(info = @Info(title = "Berth operator API", version = "v1",
        description = "Manage the tenants a Berth installation hosts and what their plugins may reach. Every call "
                + "needs the operator bearer token."))
@SecurityScheme(securitySchemeName = OperatorApi.SECURITY_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The operator token printed at first start, or the one configured in berth.operator.token")
public class OperatorApi extends Application {

    public static final String SECURITY_SCHEME = "operator";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(TenantsResource.class, ApiKeysResource.class, EgressResource.class, DataResource.class,
                SecretsResource.class, AgentAccessResource.class, RevocationsResource.class,
                IdentityProvidersResource.class, OperatorAuthenticationFilter.class, BodySizeFilter.class,
                SecurityHeadersFilter.class, ProblemMappers.ProblemExceptionMapper.class,
                ProblemMappers.TenantExceptionMapper.class, ProblemMappers.WebApplicationExceptionMapper.class,
                ProblemMappers.UnexpectedExceptionMapper.class);
    }
}
