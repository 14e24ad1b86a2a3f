package io.berth.admin.rest;

import io.berth.core.http.Problem;
import io.berth.core.operator.OperatorCredentials;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Every operator API call must carry the operator bearer token; anything else is answered 401 before routing, so an
 * anonymous caller cannot even learn which paths or methods exist.
 */
@Priority(Priorities.AUTHENTICATION)
@PreMatching
@ApplicationScoped
public class OperatorAuthenticationFilter implements ContainerRequestFilter {

    private static final Problem UNAUTHORIZED = Problem.of("unauthorized", "Unauthorized", 401,
            "This API needs the operator bearer token in the Authorization header.");

    @Inject
    OperatorCredentials credentials;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!ApiPaths.under(request, io.berth.admin.OperatorApi.PATH)) {
            return; // the tenant API authenticates its own requests
        }
        String token = BearerToken.from(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (!credentials.verify(token)) {
            request.abortWith(Response.status(401)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"berth-operator\"")
                    .type(Problem.MEDIA_TYPE)
                    .entity(UNAUTHORIZED.toJson())
                    .build());
        }
    }
}
