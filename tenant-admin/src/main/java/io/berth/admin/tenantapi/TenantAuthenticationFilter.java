package io.berth.admin.tenantapi;

import io.berth.admin.rest.ApiPaths;
import io.berth.admin.rest.BearerToken;
import io.berth.core.apikey.ApiKeyPrincipal;
import io.berth.core.apikey.ApiKeys;
import io.berth.core.http.Problem;
import io.berth.core.tenant.TenantDirectory;
import io.berth.core.tenant.TenantStatus;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * Every tenant API call carries one of the tenant's API keys; the key decides the tenant, never the path. A missing,
 * unknown, revoked or expired key is 401 before routing; a suspended tenant's key is 403. The operator token is no
 * tenant key and is refused here like any other unknown credential.
 */
@Priority(Priorities.AUTHENTICATION)
@PreMatching
@ApplicationScoped
public class TenantAuthenticationFilter implements ContainerRequestFilter {

    static final String TENANT = "berth.tenant";
    private static final Problem UNAUTHORIZED = Problem.of("unauthorized", "Unauthorized", 401,
            "This API needs one of the tenant's API keys in the Authorization header.");
    private static final Problem SUSPENDED = Problem.of("tenant-suspended", "Tenant suspended", 403,
            "This tenant is suspended.");

    @Inject
    ApiKeys apiKeys;

    @Inject
    TenantDirectory tenants;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!ApiPaths.under(request, TenantApi.PATH)) {
            return; // the operator API authenticates its own requests
        }
        Optional<ApiKeyPrincipal> principal = apiKeys.verify(
                BearerToken.from(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
        if (principal.isEmpty()) {
            request.abortWith(Response.status(401)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"berth-tenant\"")
                    .type(Problem.MEDIA_TYPE).entity(UNAUTHORIZED.toJson()).build());
            return;
        }
        if (tenants.status(principal.get().tenantId()).orElse(null) != TenantStatus.ACTIVE) {
            request.abortWith(Response.status(403).type(Problem.MEDIA_TYPE).entity(SUSPENDED.toJson()).build());
            return;
        }
        request.setProperty(TENANT, principal.get().tenantId());
    }
}
