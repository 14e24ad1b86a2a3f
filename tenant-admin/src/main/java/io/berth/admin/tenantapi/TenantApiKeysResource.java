package io.berth.admin.tenantapi;

import io.berth.admin.apikeys.ApiKeyJson;
import io.berth.admin.rest.Permits;
import io.berth.core.access.Role;
import io.berth.core.apikey.ApiKeyLifecycle;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
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
 * The tenant's own API keys, managed with a tenant-admin key: the operator API's key endpoints without the tenant in
 * the path (the key that authenticated decides it). A tenant admin may grant any tenant role, tenant-admin included:
 * it could do everything those roles do itself, so no key it mints holds more than it does.
 */
@Path(TenantApi.PATH + "/api-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "api-keys")
@SecurityRequirement(name = TenantApi.SECURITY_SCHEME)
@APIResponse(responseCode = "401", description = "Missing, unknown, revoked or expired API key")
@APIResponse(responseCode = "404", description = "The tenant has no API key with this id")
public class TenantApiKeysResource {

    @Inject
    ApiKeyLifecycle keys;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Permits(Role.TENANT_ADMIN)
    @Operation(summary = "Issue an API key",
            description = ApiKeyJson.ISSUE_DOC)
    @APIResponse(responseCode = "201", description = "Issued; the key is shown this once")
    @APIResponse(responseCode = "400", description = "Invalid input, such as the role operator or a lifetime too long")
    public Response issue(InputStream body) {
        ApiKeyJson.IssueRequest issue = ApiKeyJson.issueRequest(body);
        return ApiKeyJson.created(keys.issue(tenant(), issue.spec(), issue.expiry()), collection());
    }

    @GET
    @Permits(Role.TENANT_ADMIN)
    @Operation(summary = "The tenant's API keys (never a key or its hash)")
    public JsonObject list() {
        return ApiKeyJson.list(keys.list(tenant()));
    }

    @GET
    @Path("{keyId}")
    @Permits(Role.TENANT_ADMIN)
    @Operation(summary = "One of the tenant's API keys")
    public JsonObject get(@PathParam("keyId") String keyId) {
        return ApiKeyJson.one(keys.get(tenant(), keyId));
    }

    @DELETE
    @Path("{keyId}")
    @Permits(Role.TENANT_ADMIN)
    @Operation(summary = "Revoke an API key: it and every agent token minted from it are refused on every node")
    @APIResponse(responseCode = "204", description = "Revoked (again, if it was already)")
    public Response revoke(@PathParam("keyId") String keyId) {
        keys.revoke(tenant(), keyId);
        return Response.noContent().build();
    }

    @POST
    @Path("{keyId}/rotate")
    @Permits(Role.TENANT_ADMIN)
    @Operation(summary = "Rotate an API key: a successor with the same name, scopes, roles and environment",
            description = ApiKeyJson.ROTATE_DOC)
    @APIResponse(responseCode = "201", description = "The successor, its key shown this once, and previousEndsAt")
    @APIResponse(responseCode = "409", description = "The key is revoked, expired or already rotated")
    public Response rotate(@PathParam("keyId") String keyId, InputStream body) {
        Long overlap = ApiKeyJson.overlapSeconds(body);
        return ApiKeyJson.rotated(keys.rotate(tenant(), keyId, overlap), collection());
    }

    private String tenant() {
        return (String) request.getAttribute(TenantAuthenticationFilter.TENANT);
    }

    private URI collection() {
        return uri.getBaseUriBuilder().path(TenantApi.PATH + "/api-keys").build();
    }
}
