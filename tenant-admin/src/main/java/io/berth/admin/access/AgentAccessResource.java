package io.berth.admin.access;

import io.berth.core.access.Role;
import io.berth.admin.rest.Permits;
import io.berth.admin.OperatorApi;
import io.berth.admin.rest.IfMatch;
import io.berth.admin.rest.JsonBodyReader;
import io.berth.admin.rest.JsonInput;
import io.berth.core.http.Problem;
import io.berth.core.http.Problem.FieldError;
import io.berth.core.http.ProblemException;
import io.berth.core.tenant.AgentAccess;
import io.berth.core.tenant.TenantException;
import io.berth.core.tenant.TenantId;
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
import jakarta.ws.rs.core.EntityTag;
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
import java.util.List;

/** Whether a tenant's MCP endpoint serves agents that present no token. */
@Permits(Role.OPERATOR)
@Path(OperatorApi.PATH + "/tenants/{id}/agent-access")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Agent access")
@SecurityRequirement(name = OperatorApi.SECURITY_SCHEME)
@APIResponse(responseCode = "401", description = "Missing or wrong operator token")
public class AgentAccessResource {

    @Inject
    TenantService tenants;

    @GET
    @Operation(summary = "Read a tenant's agent access policy")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AgentAccessView.class)))
    @APIResponse(responseCode = "404", description = "No such tenant")
    public Response get(@PathParam("id") String id) {
        AgentAccess a = tenants.agentAccess(existing(id));
        return Response.ok(AgentAccessView.of(a)).tag(etag(a)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Allow or refuse agents without a token",
            description = "Applies to the next request on every node. The ETag is the tenant's version: send it in "
                    + "If-Match to avoid overwriting a change you have not seen.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AgentAccessView.class)))
    @APIResponse(responseCode = "400", description = "Malformed input, or anonymous missing")
    @APIResponse(responseCode = "404", description = "No such tenant")
    @APIResponse(responseCode = "412", description = "If-Match does not match the tenant's current version")
    public Response put(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                        @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(implementation = AgentAccessView.class))) InputStream body) {
        existing(id);
        JsonInput in = JsonInput.of(JsonBodyReader.readObject(body), AgentAccessView.FIELDS);
        Boolean anonymous = in.bool("anonymous");
        in.requireNoErrors();
        if (anonymous == null) {
            throw new ProblemException(Problem.of("invalid-input", "Invalid input", 400, "anonymous is required")
                    .withErrors(List.of(new FieldError("anonymous", "must be true or false"))));
        }
        AgentAccess a = tenants.setAgentAccess(id, anonymous, IfMatch.version(ifMatch));
        return Response.ok(AgentAccessView.of(a)).tag(etag(a)).build();
    }

    static String existing(String id) {
        if (!TenantId.isValid(id)) {
            throw new TenantException.NotFound(id);
        }
        return id;
    }

    private static EntityTag etag(AgentAccess a) {
        return new EntityTag(Long.toString(a.version()));
    }
}
