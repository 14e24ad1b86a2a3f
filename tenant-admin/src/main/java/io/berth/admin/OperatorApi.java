package io.berth.admin;

import io.berth.admin.access.AgentAccessResource;
import io.berth.admin.access.CorsResource;
import io.berth.admin.access.IdentityProvidersResource;
import io.berth.admin.access.RevocationsResource;
import io.berth.admin.apikeys.ApiKeyProblems;
import io.berth.admin.apikeys.ApiKeysResource;
import io.berth.admin.capabilities.DataResource;
import io.berth.admin.capabilities.EgressResource;
import io.berth.admin.capabilities.SecretsResource;
import io.berth.admin.rest.BodySizeFilter;
import io.berth.admin.rest.OperatorAuthenticationFilter;
import io.berth.admin.tenants.TenantsResource;

import java.util.Set;

/**
 * The operator REST API under {@value #PATH}: its resources, listed explicitly (no classpath scanning), and its
 * security scheme. Served by {@link RestApi} together with the tenant API; {@code OperatorAuthenticationFilter} guards
 * exactly this path prefix.
 */
public final class OperatorApi {

    public static final String PATH = "/admin/api/v1";
    public static final String SECURITY_SCHEME = "operator";

    private OperatorApi() {
    }

    static Set<Class<?>> classes() {
        return Set.of(TenantsResource.class, ApiKeysResource.class, ApiKeyProblems.class, EgressResource.class, DataResource.class,
                SecretsResource.class, AgentAccessResource.class, RevocationsResource.class,
                IdentityProvidersResource.class, CorsResource.class, OperatorAuthenticationFilter.class,
                BodySizeFilter.class);
    }
}
