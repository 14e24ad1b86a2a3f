package io.berth.admin.access;

import io.berth.admin.OperatorApi;
import io.berth.admin.rest.IfMatch;
import io.berth.admin.rest.Permits;
import io.berth.core.access.Role;
import io.berth.core.tenant.TenantService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** The browser origins a tenant's agent-facing endpoints allow (CORS), as the operator sees and sets them. */
@Path(OperatorApi.PATH + "/tenants/{id}/cors")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Agent access")
@SecurityRequirement(name = OperatorApi.SECURITY_SCHEME)
@APIResponse(responseCode = "401", description = "Missing or wrong operator token")
public class CorsResource {

    @Inject
    TenantService tenants;

    @GET
    @Permits(Role.OPERATOR)
    @Operation(summary = "Read a tenant's CORS allow-list")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CorsView.class)))
    @APIResponse(responseCode = "404", description = "No such tenant")
    public Response get(@PathParam("id") String id) {
        return CorsView.ok(tenants.allowedOrigins(AgentAccessResource.existing(id)));
    }

    @PUT
    @Permits(Role.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a tenant's CORS allow-list",
            description = "Applies to the next request on every node. The ETag is the tenant's version: send it in "
                    + "If-Match to avoid overwriting a change you have not seen.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CorsView.class)))
    @APIResponse(responseCode = "400", description = "Malformed input, or an origin that may not be listed (each is "
            + "a field error)")
    @APIResponse(responseCode = "404", description = "No such tenant")
    @APIResponse(responseCode = "412", description = "If-Match does not match the tenant's current version")
    public Response put(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                        @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(implementation = CorsView.class))) InputStream body) {
        AgentAccessResource.existing(id);
        return CorsView.ok(tenants.setAllowedOrigins(id, CorsView.read(body), IfMatch.version(ifMatch)));
    }
}
