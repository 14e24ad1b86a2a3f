package io.berth.admin.rest;

import io.berth.core.http.Problem;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;

/**
 * Refuses a body announced as too large before a byte of it is read. Bodies without a length (chunked) are bounded
 * while they are read, by {@link JsonBodyReader}.
 */
@Priority(Priorities.AUTHENTICATION + 1)
@PreMatching
@ApplicationScoped
public class BodySizeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        // Plugin uploads are larger; the tenant API bounds its own bodies (UploadSizeFilter, the JSON reader).
        if (!ApiPaths.under(request, io.berth.admin.tenantapi.TenantApi.PATH)
                && request.getLength() > ApiLimits.MAX_BODY_BYTES) {
            request.abortWith(Response.status(413).type(Problem.MEDIA_TYPE)
                    .entity(JsonBodyReader.TOO_LARGE.toJson()).build());
        }
    }
}
