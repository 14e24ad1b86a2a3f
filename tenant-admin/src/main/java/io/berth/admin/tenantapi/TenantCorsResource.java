package io.berth.admin.tenantapi;

import io.berth.admin.access.CorsView;
import io.berth.admin.rest.IfMatch;
import io.berth.admin.rest.Permits;
import io.berth.core.access.Role;
import io.berth.core.tenant.TenantService;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/** The tenant's own CORS allow-list: which browser origins may call its MCP endpoint from another origin. */
@Path(TenantApi.PATH + "/cors")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cors")
@SecurityRequirement(name = TenantApi.SECURITY_SCHEME)
public class TenantCorsResource {

    @Inject
    TenantService tenants;

    @Context
    HttpServletRequest request;

    @GET
    @Permits(Role.TENANT_ADMIN)
    @Operation(summary = "The browser origins allowed to call the tenant's agent endpoints (empty: CORS off)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CorsView.class)))
    public Response get() {
        return CorsView.ok(tenants.allowedOrigins(tenant()));
    }

    @PUT
    @Permits(Role.TENANT_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the allow-list, on every node from the next request on",
            description = "Send the ETag of your last read in If-Match to avoid overwriting a change you have not "
                    + "seen.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CorsView.class)))
    @APIResponse(responseCode = "400", description = "Malformed input, or an origin that may not be listed")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Response put(@HeaderParam("If-Match") String ifMatch,
                        @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(implementation = CorsView.class))) InputStream body) {
        return CorsView.ok(tenants.setAllowedOrigins(tenant(), CorsView.read(body), IfMatch.version(ifMatch)));
    }

    private String tenant() {
        // JAX-RS request properties are the servlet request's attributes: set by TenantAuthenticationFilter.
        return (String) request.getAttribute(TenantAuthenticationFilter.TENANT);
    }
}
