package io.berth.admin.rest;

import io.berth.admin.OperatorApi;
import io.berth.admin.security.ManagementCaller;
import io.berth.admin.security.ManagementCallers;
import io.berth.core.http.Problem;

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
 * Every operator API call must come from an operator: the operator token, or a person whose identity provider gives
 * them the operator role. Anything else is answered before routing (401 without a valid credential, 403 for a person
 * without the role), so an anonymous caller cannot even learn which paths or methods exist. Tenant keys and agents'
 * tokens are unknown credentials here.
 */
@Priority(Priorities.AUTHENTICATION)
@PreMatching
@ApplicationScoped
public class OperatorAuthenticationFilter implements ContainerRequestFilter {

    private static final Problem UNAUTHORIZED = Problem.of("unauthorized", "Unauthorized", 401,
            "This API needs an operator credential in the Authorization header.");
    private static final Problem NOT_OPERATOR = Problem.of("forbidden", "Forbidden", 403,
            "This API is for operators; your identity holds no operator role.");

    @Inject
    ManagementCallers callers;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!ApiPaths.under(request, OperatorApi.PATH)) {
            return; // the tenant API authenticates its own requests
        }
        Optional<ManagementCaller> caller = callers.operator(request);
        if (caller.isEmpty()) {
            request.abortWith(Response.status(401)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"berth-operator\"")
                    .type(Problem.MEDIA_TYPE).entity(UNAUTHORIZED.toJson()).build());
        } else if (caller.get().roles().isEmpty()) {
            request.abortWith(Response.status(403).type(Problem.MEDIA_TYPE).entity(NOT_OPERATOR.toJson()).build());
        } else {
            ManagementCallers.establish(request, caller.get());
        }
    }
}
