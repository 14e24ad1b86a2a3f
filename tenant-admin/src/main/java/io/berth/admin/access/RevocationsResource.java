package io.berth.admin.access;

import io.berth.core.access.Role;
import io.berth.admin.rest.Permits;
import io.berth.admin.OperatorApi;
import io.berth.admin.rest.JsonBodyReader;
import io.berth.admin.rest.JsonInput;
import io.berth.core.http.Problem;
import io.berth.core.http.ProblemException;
import io.berth.core.identity.Revocations;
import io.berth.core.tenant.TenantException;
import io.berth.core.tenant.TenantService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Operator revocation: one access token by its {@code jti}, or every token of an API key (and the key itself, so it
 * gets no new ones). Refused on every node within milliseconds, and kept across restarts of the whole cluster.
 */
@Permits(Role.OPERATOR)
@Path(OperatorApi.PATH + "/tenants/{id}/revocations")
@ApplicationScoped
@Tag(name = "Agent access")
@SecurityRequirement(name = OperatorApi.SECURITY_SCHEME)
@APIResponse(responseCode = "401", description = "Missing or wrong operator token")
public class RevocationsResource {

    private static final Set<String> FIELDS = Set.of("jti", "expiresAt", "apiKeyId");

    @Inject
    TenantService tenants;

    @Inject
    Revocations revocations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke a token or an API key",
            description = "{\"jti\":\"…\",\"expiresAt\":\"2026-11-21T10:15:00Z\"} refuses one access token (expiresAt "
                    + "optional: without it the revocation is kept for berth.identity.revocation.unknown-expiry-seconds);"
                    + " {\"apiKeyId\":\"…\"} revokes the API key and refuses every token issued to it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(example = "{\"jti\":\"b2Jx…\",\"expiresAt\":\"2026-11-21T10:15:00Z\"}")))
    @APIResponse(responseCode = "204", description = "Revoked (again, if it was already)")
    @APIResponse(responseCode = "400", description = "Neither or both of jti and apiKeyId, or a malformed value")
    @APIResponse(responseCode = "404", description = "No such tenant, or no such API key at the tenant")
    public Response revoke(@PathParam("id") String id, InputStream body) {
        if (tenants.find(AgentAccessResource.existing(id)).isEmpty()) {
            throw new TenantException.NotFound(id);
        }
        return revoke(revocations, id, body);
    }

    /**
     * Applies a revocation request body ({@code jti} [+ {@code expiresAt}], or {@code apiKeyId}) to {@code tenant}:
     * shared by the operator's and the tenant admin's revocation endpoints.
     */
    public static Response revoke(Revocations revocations, String tenant, InputStream body) {
        JsonInput in = JsonInput.of(JsonBodyReader.readObject(body), FIELDS);
        String jti = in.string("jti");
        String expiresAt = in.string("expiresAt");
        String apiKeyId = in.string("apiKeyId");
        in.requireNoErrors();
        if ((jti == null) == (apiKeyId == null) || (apiKeyId != null && expiresAt != null)) {
            throw invalid("Send either jti (with an optional expiresAt) or apiKeyId.");
        }
        if (apiKeyId != null) {
            if (apiKeyId.length() > 64 || !revocations.revokeClient(tenant, apiKeyId)) {
                throw new ProblemException(Problem.of("api-key-not-found", "API key not found", 404,
                        "The tenant has no API key with this id."));
            }
            return Response.noContent().build();
        }
        try {
            revocations.revoke(tenant, jti, expiresAt == null ? null : Instant.parse(expiresAt));
        } catch (DateTimeParseException e) {
            throw invalid("expiresAt is an ISO-8601 instant such as 2026-11-21T10:15:00Z.");
        } catch (IllegalArgumentException e) {
            throw invalid("jti is 1 to 200 characters.");
        }
        return Response.noContent().build();
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problem.of("invalid-input", "Invalid input", 400, detail));
    }
}
