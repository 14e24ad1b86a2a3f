package io.berth.admin.capabilities;

import io.berth.core.access.Role;
import io.berth.admin.rest.Permits;
import io.berth.admin.OperatorApi;
import io.berth.admin.rest.IfMatch;
import io.berth.admin.rest.InputValidator;
import io.berth.admin.rest.JsonBodyReader;
import io.berth.admin.rest.JsonInput;
import io.berth.core.capability.egress.EgressSettings;
import io.berth.core.capability.egress.EgressSettingsStore;
import io.berth.core.http.Problem;
import io.berth.core.http.Problem.FieldError;
import io.berth.core.http.ProblemException;
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

/** A tenant's egress allow-list and flags: what {@code ToolContext.http()} lets its plugins reach. */
@Permits(Role.OPERATOR)
@Path(OperatorApi.PATH + "/tenants/{id}/egress")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Tenant capabilities")
@SecurityRequirement(name = OperatorApi.SECURITY_SCHEME)
@APIResponse(responseCode = "401", description = "Missing or wrong operator token")
public class EgressResource {

    @Inject
    TenantService tenants;

    @Inject
    EgressSettingsStore store;

    @Inject
    InputValidator validator;

    @GET
    @Operation(summary = "Read a tenant's egress settings")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EgressView.class)))
    @APIResponse(responseCode = "404", description = "No such tenant")
    public Response get(@PathParam("id") String id) {
        EgressSettings s = store.get(ExistingTenant.require(tenants, id));
        return Response.ok(EgressView.of(s)).tag(etag(s)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a tenant's egress settings",
            description = "Applies to plugin calls that start afterwards, on every node. Send If-Match with the ETag "
                    + "to avoid overwriting a change you have not seen.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EgressView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid input (each bad rule is a field error)")
    @APIResponse(responseCode = "404", description = "No such tenant")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Response put(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                        @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(implementation = EgressView.class))) InputStream body) {
        ExistingTenant.require(tenants, id);
        JsonInput in = JsonInput.of(JsonBodyReader.readObject(body), EgressView.FIELDS);
        EgressView request = new EgressView(in.strings("allowedHosts"), in.bool("allowHttp"),
                in.bool("allowPrivateAddresses"));
        in.requireNoErrors();
        validator.valid(request);
        List<FieldError> errors = EgressSettingsStore.problems(request.allowedHosts()).stream()
                .map(p -> new FieldError(p.index() < 0 ? "allowedHosts" : "allowedHosts[" + p.index() + "]",
                        p.message()))
                .toList();
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of("invalid-input", "Invalid input", 400,
                    "The allow-list has " + errors.size() + " invalid rule(s); see errors.").withErrors(errors));
        }
        try {
            EgressSettings stored = store.put(id, request.allowedHosts(), Boolean.TRUE.equals(request.allowHttp()),
                    Boolean.TRUE.equals(request.allowPrivateAddresses()), IfMatch.version(ifMatch));
            return Response.ok(EgressView.of(stored)).tag(etag(stored)).build();
        } catch (EgressSettingsStore.VersionMismatch e) {
            throw IfMatch.mismatch(e.getMessage());
        }
    }

    private static EntityTag etag(EgressSettings s) {
        return new EntityTag(Long.toString(s.version()));
    }
}
