package io.berth.admin.tenantapi;

import io.berth.core.http.Problem;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;

/**
 * Refuses a body announced as larger than an upload may be before a byte of it is read; bodies without a length are
 * bounded while read ({@link PluginsResource}). JSON bodies of this API are small and bounded by their reader.
 */
@Priority(Priorities.AUTHENTICATION + 1)
@PreMatching
@ApplicationScoped
public class UploadSizeFilter implements ContainerRequestFilter {

    /** The largest plugin JAR (the verifier's archive limit) plus room for the multipart framing and fields. */
    static final long MAX_BODY_BYTES = 20L * 1024 * 1024 + 64 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (io.berth.admin.rest.ApiPaths.under(request, TenantApi.PATH) && request.getLength() > MAX_BODY_BYTES) {
            request.abortWith(Response.status(413).type(Problem.MEDIA_TYPE).entity(Problem.of("body-too-large",
                    "Request body too large", 413, "A plugin upload is at most 20 MiB.").toJson()).build());
        }
    }
}
