package io.berth.admin.tenantapi;

import io.berth.admin.rest.Permits;
import io.berth.core.access.Role;
import io.berth.core.identity.Revocations;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/**
 * A tenant admin's revocation of one of the tenant's agent tokens (by {@code jti}) or of an API key and every token
 * issued to it: the operator's revocation, limited to the caller's own tenant.
 */
@Path(TenantApi.PATH + "/revocations")
@RequestScoped
@Tag(name = "revocations")
@SecurityRequirement(name = TenantApi.SECURITY_SCHEME)
public class TenantRevocationsResource {

    @Inject
    Revocations revocations;

    @Context
    HttpServletRequest request;

    @Permits(Role.TENANT_ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke an agent token or an API key of this tenant",
            description = "{\"jti\":\"…\",\"expiresAt\":\"…\"} refuses one token; {\"apiKeyId\":\"…\"} revokes the key "
                    + "and every token issued to it; on every node within milliseconds.")
    @APIResponse(responseCode = "204", description = "Revoked (again, if it was already)")
    @APIResponse(responseCode = "400", description = "Neither or both of jti and apiKeyId, or a malformed value")
    @APIResponse(responseCode = "404", description = "The tenant has no API key with this id")
    public Response revoke(InputStream body) {
        return io.berth.admin.access.RevocationsResource.revoke(revocations,
                (String) request.getAttribute(TenantAuthenticationFilter.TENANT), body);
    }
}
