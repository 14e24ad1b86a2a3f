package io.berth.admin.tenants;

import io.berth.core.access.Role;
import io.berth.admin.rest.Permits;
import io.berth.admin.OperatorApi;
import io.berth.admin.rest.InputValidator;
import io.berth.admin.rest.JsonBodyReader;
import io.berth.admin.rest.JsonInput;
import io.berth.core.http.Problem;
import io.berth.core.http.Problem.FieldError;
import io.berth.core.http.ProblemException;
import io.berth.core.tenant.Tenant;
import io.berth.core.tenant.TenantChange;
import io.berth.core.tenant.TenantException;
import io.berth.core.tenant.TenantId;
import io.berth.core.tenant.TenantPage;
import io.berth.core.tenant.TenantService;
import io.berth.core.tenant.TenantStatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
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
import java.util.List;
import java.util.Optional;

/** Create, read, list, update (rename, suspend, reactivate) and delete tenants. */
@Permits(Role.OPERATOR)
@Path(OperatorApi.PATH + "/tenants")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Tenants")
@SecurityRequirement(name = OperatorApi.SECURITY_SCHEME)
@APIResponse(responseCode = "401", description = "Missing or wrong operator token")
public class TenantsResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final int MAX_PAGE = 200;

    @Inject
    TenantService tenants;

    @Inject
    InputValidator validator;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a tenant")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid input")
    @APIResponse(responseCode = "409", description = "The id is taken")
    @APIResponse(responseCode = "413", description = "Body too large")
    public Response create(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CreateTenantRequest.class))) InputStream body,
            @Context UriInfo uri) {
        JsonInput in = JsonInput.of(JsonBodyReader.readObject(body), CreateTenantRequest.FIELDS);
        CreateTenantRequest request = new CreateTenantRequest(in.string("id"), in.string("displayName"));
        in.requireNoErrors();
        validator.valid(request);
        Tenant created = tenants.create(request.id(), request.displayName().strip());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .tag(etag(created)).entity(TenantView.of(created)).build();
    }

    @GET
    @Operation(summary = "List tenants in id order, a page at a time")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TenantList.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor")
    public TenantList list(@QueryParam("after") String after,
                           @QueryParam("limit") @DefaultValue("50") String limit) {
        int size = pageSize(limit);
        if (after != null && !TenantId.isValid(after)) {
            throw invalidQuery("after", "must be a cursor returned as nextCursor");
        }
        TenantPage page = tenants.list(after, size);
        return new TenantList(page.items().stream().map(TenantView::of).toList(), page.nextAfter().orElse(null));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a tenant")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "404", description = "No such tenant")
    public Response get(@PathParam("id") String id) {
        Tenant t = existing(id);
        return Response.ok(TenantView.of(t)).tag(etag(t)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(summary = "Rename, suspend or reactivate a tenant",
            description = "Suspension takes effect on every node at once. Send If-Match with the ETag to avoid "
                    + "overwriting a change you have not seen.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid input")
    @APIResponse(responseCode = "404", description = "No such tenant")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @RequestBody(required = true, content = @Content(mediaType = MERGE_PATCH,
                                   schema = @Schema(implementation = UpdateTenantRequest.class))) InputStream body) {
        if (!TenantId.isValid(id)) {
            throw new TenantException.NotFound(id);
        }
        JsonInput in = JsonInput.of(JsonBodyReader.readObject(body), UpdateTenantRequest.FIELDS);
        UpdateTenantRequest request = new UpdateTenantRequest(in.string("displayName"), in.string("status"));
        in.requireNoErrors();
        validator.valid(request);
        TenantChange change = new TenantChange(
                request.displayName() == null ? null : request.displayName().strip(),
                request.status() == null ? null : TenantStatus.fromWire(request.status()).orElseThrow(),
                expectedVersion(ifMatch));
        Tenant updated = tenants.update(id, change);
        return Response.ok(TenantView.of(updated)).tag(etag(updated)).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a tenant and everything it owns",
            description = "Its traffic is refused on every node at once.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such tenant")
    public Response delete(@PathParam("id") String id) {
        if (!TenantId.isValid(id)) {
            throw new TenantException.NotFound(id);
        }
        tenants.delete(id);
        return Response.noContent().build();
    }

    private Tenant existing(String id) {
        Optional<Tenant> t = TenantId.isValid(id) ? tenants.find(id) : Optional.empty();
        return t.orElseThrow(() -> new TenantException.NotFound(id));
    }

    private static EntityTag etag(Tenant t) {
        return new EntityTag(Long.toString(t.version()));
    }

    /** The version an If-Match header asks for; {@code null} when absent or "*". */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            try {
                return Long.parseLong(v.substring(1, v.length() - 1));
            } catch (NumberFormatException ignored) {
                // falls through to the refusal below
            }
        }
        throw new ProblemException(Problem.of("version-mismatch", "Version mismatch", 412,
                "If-Match must be an ETag returned by this API, such as \"3\"."));
    }

    static int pageSize(String limit) {
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= MAX_PAGE) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the refusal below
        }
        throw invalidQuery("limit", "must be a whole number from 1 to " + MAX_PAGE);
    }

    private static ProblemException invalidQuery(String parameter, String message) {
        return new ProblemException(Problem.of("invalid-input", "Invalid input", 400,
                "The query parameter '" + parameter + "' is invalid.")
                .withErrors(List.of(new FieldError(parameter, message))));
    }
}
