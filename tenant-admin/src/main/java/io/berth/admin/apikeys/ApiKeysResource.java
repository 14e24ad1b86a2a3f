package io.berth.admin.apikeys;

import io.berth.admin.OperatorApi;
import io.berth.admin.rest.Permits;
import io.berth.core.access.Role;
import io.berth.core.apikey.ApiKeyLifecycle;
import io.berth.core.tenant.TenantException;
import io.berth.core.tenant.TenantId;
import io.berth.core.tenant.TenantService;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.net.URI;

/**
 * The operator's view of a tenant's API keys: issue (the key is in the response once and stored only as a hash),
 * list, read, revoke, rotate. The tenant manages its own keys through the same service on the tenant API.
 */
@Path(OperatorApi.PATH + "/tenants/{id}/api-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "api-keys")
@SecurityRequirement(name = OperatorApi.SECURITY_SCHEME)
@APIResponse(responseCode = "401", description = "Missing or wrong operator token")
@APIResponse(responseCode = "404", description = "No such tenant, or no such API key at the tenant")
public class ApiKeysResource {

    @Inject
    ApiKeyLifecycle keys;

    @Inject
    TenantService tenants;

    @PathParam("id")
    String tenant;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Permits(Role.OPERATOR)
    @Operation(summary = "Issue an API key for the tenant",
            description = ApiKeyJson.ISSUE_DOC)
    @APIResponse(responseCode = "201", description = "Issued; the key is shown this once")
    @APIResponse(responseCode = "400", description = "Invalid input, such as the role operator or a lifetime too long")
    public Response issue(InputStream body) {
        ApiKeyJson.IssueRequest request = ApiKeyJson.issueRequest(body);
        return ApiKeyJson.created(keys.issue(existing(), request.spec(), request.expiry()), collection());
    }

    @GET
    @Permits(Role.OPERATOR)
    @Operation(summary = "The tenant's API keys (never a key or its hash)")
    public JsonObject list() {
        return ApiKeyJson.list(keys.list(existing()));
    }

    @GET
    @Path("{keyId}")
    @Permits(Role.OPERATOR)
    @Operation(summary = "One of the tenant's API keys")
    public JsonObject get(@PathParam("keyId") String keyId) {
        return ApiKeyJson.one(keys.get(existing(), keyId));
    }

    @DELETE
    @Path("{keyId}")
    @Permits(Role.OPERATOR)
    @Operation(summary = "Revoke an API key: it and every agent token minted from it are refused on every node")
    @APIResponse(responseCode = "204", description = "Revoked (again, if it was already)")
    public Response revoke(@PathParam("keyId") String keyId) {
        keys.revoke(existing(), keyId);
        return Response.noContent().build();
    }

    @POST
    @Path("{keyId}/rotate")
    @Permits(Role.OPERATOR)
    @Operation(summary = "Rotate an API key: a successor with the same name, scopes, roles and environment",
            description = ApiKeyJson.ROTATE_DOC)
    @APIResponse(responseCode = "201", description = "The successor, its key shown this once, and previousEndsAt")
    @APIResponse(responseCode = "409", description = "The key is revoked, expired or already rotated")
    public Response rotate(@PathParam("keyId") String keyId, InputStream body) {
        Long overlap = ApiKeyJson.overlapSeconds(body);
        return ApiKeyJson.rotated(keys.rotate(existing(), keyId, overlap), collection());
    }

    private String existing() {
        if (!TenantId.isValid(tenant) || tenants.find(tenant).isEmpty()) {
            throw new TenantException.NotFound(tenant);
        }
        return tenant;
    }

    private URI collection() {
        return uri.getBaseUriBuilder().path(OperatorApi.PATH + "/tenants/" + tenant + "/api-keys").build();
    }
}
