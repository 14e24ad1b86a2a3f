package io.berth.admin.tenantapi;

import io.berth.admin.rest.ApiPaths;
import io.berth.admin.security.ManagementCaller;
import io.berth.admin.security.ManagementCallers;
import io.berth.core.http.Problem;
import io.berth.core.http.ProblemException;
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
 * Every tenant API call carries a tenant credential: one of the tenant's keys that holds a role, or a person's token
 * with a role in the tenant. The credential decides the tenant, never the path. A missing, unknown, revoked or
 * expired credential is 401 before routing; an agent-only key, a person without a role in the tenant, or a suspended
 * tenant is 403. The operator token is no tenant credential and is refused here like any other unknown one.
 */
@Priority(Priorities.AUTHENTICATION)
@PreMatching
@ApplicationScoped
public class TenantAuthenticationFilter implements ContainerRequestFilter {

    /** The request property (= servlet request attribute) holding the tenant the caller acts in. */
    static final String TENANT = "berth.tenant";
    private static final Problem UNAUTHORIZED = Problem.of("unauthorized", "Unauthorized", 401,
            "This API needs a tenant credential (an API key with a role, or your identity provider's token) in the "
                    + "Authorization header.");
    private static final Problem SUSPENDED = Problem.of("tenant-suspended", "Tenant suspended", 403,
            "This tenant is suspended.");

    @Inject
    ManagementCallers callers;

    @Inject
    TenantDirectory tenants;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!ApiPaths.under(request, TenantApi.PATH)) {
            return; // the operator API authenticates its own requests
        }
        Optional<ManagementCaller> caller;
        try {
            caller = callers.tenant(request);
        } catch (ProblemException refused) {
            abort(request, refused.problem());
            return;
        }
        if (caller.isEmpty()) {
            request.abortWith(Response.status(401)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"berth-tenant\"")
                    .type(Problem.MEDIA_TYPE).entity(UNAUTHORIZED.toJson()).build());
            return;
        }
        String tenant = caller.get().tenant().orElseThrow();
        if (tenants.status(tenant).orElse(null) != TenantStatus.ACTIVE) {
            abort(request, SUSPENDED);
            return;
        }
        ManagementCallers.establish(request, caller.get());
        request.setProperty(TENANT, tenant);
    }

    private static void abort(ContainerRequestContext request, Problem problem) {
        request.abortWith(Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toJson()).build());
    }
}
