package io.berth.admin.capabilities;

import io.berth.core.access.Role;
import io.berth.admin.rest.Permits;
import io.berth.admin.OperatorApi;
import io.berth.admin.rest.InputValidator;
import io.berth.admin.rest.JsonBodyReader;
import io.berth.admin.rest.JsonInput;
import io.berth.core.capability.secrets.TenantSecrets;
import io.berth.core.http.Problem;
import io.berth.core.http.Problem.FieldError;
import io.berth.core.http.ProblemException;
import io.berth.core.tenant.TenantService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A tenant's named secrets for its plugins ({@code ToolContext.secret}). Values are write-only: no response, problem
 * detail or log line contains one.
 */
@Permits(Role.OPERATOR)
@Path(OperatorApi.PATH + "/tenants/{id}/secrets")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Tenant capabilities")
@SecurityRequirement(name = OperatorApi.SECURITY_SCHEME)
@APIResponse(responseCode = "401", description = "Missing or wrong operator token")
public class SecretsResource {

    @Inject
    TenantService tenants;

    @Inject
    TenantSecrets secrets;

    @Inject
    InputValidator validator;

    @GET
    @Operation(summary = "List a tenant's secrets (names only)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SecretList.class)))
    @APIResponse(responseCode = "404", description = "No such tenant")
    public SecretList list(@PathParam("id") String id) {
        return new SecretList(secrets.list(ExistingTenant.require(tenants, id)).stream().map(SecretView::of).toList());
    }

    @GET
    @Path("{name}")
    @Operation(summary = "Read a secret's name and restriction (never its value)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SecretView.class)))
    @APIResponse(responseCode = "404", description = "No such tenant or secret")
    public SecretView get(@PathParam("id") String id, @PathParam("name") String name) {
        return SecretView.of(secrets.info(ExistingTenant.require(tenants, id), name)
                .orElseThrow(() -> notFound(name)));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a secret (create or replace)",
            description = "Plugins calling afterwards read the new value. The value is stored sealed; no API "
                    + "returns it.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = SecretView.class)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = SecretView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid input, or an invalid name")
    @APIResponse(responseCode = "404", description = "No such tenant")
    public Response put(@PathParam("id") String id, @PathParam("name") String name,
                        @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(implementation = SetSecretRequest.class))) InputStream body,
                        @Context UriInfo uri) {
        ExistingTenant.require(tenants, id);
        if (!TenantSecrets.validName(name)) {
            throw invalid("name", "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter");
        }
        JsonInput in = JsonInput.of(JsonBodyReader.readObject(body), SetSecretRequest.FIELDS);
        SetSecretRequest request = new SetSecretRequest(in.string("value"), in.string("plugin"));
        in.requireNoErrors();
        validator.valid(request);
        if (request.value().getBytes(StandardCharsets.UTF_8).length > TenantSecrets.MAX_VALUE_BYTES) {
            throw invalid("value", "must be at most " + TenantSecrets.MAX_VALUE_BYTES + " bytes of UTF-8");
        }
        boolean created = secrets.put(id, name, request.value(), request.plugin());
        SecretView view = SecretView.of(secrets.info(id, name).orElseThrow());
        return created ? Response.created(uri.getAbsolutePath()).entity(view).build() : Response.ok(view).build();
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Delete a secret")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such tenant or secret")
    public Response delete(@PathParam("id") String id, @PathParam("name") String name) {
        if (!secrets.delete(ExistingTenant.require(tenants, id), name)) {
            throw notFound(name);
        }
        return Response.noContent().build();
    }

    private static ProblemException notFound(String name) {
        String shown = TenantSecrets.validName(name) ? "'" + name + "'" : "with that name";
        return new ProblemException(Problem.of("secret-not-found", "Secret not found", 404,
                "The tenant has no secret " + shown + "."));
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of("invalid-input", "Invalid input", 400,
                "The request has 1 invalid field(s); see errors.").withErrors(List.of(new FieldError(field, message))));
    }
}
