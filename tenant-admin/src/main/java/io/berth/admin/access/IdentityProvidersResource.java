package io.berth.admin.access;

import io.berth.core.access.Role;
import io.berth.admin.rest.Permits;
import io.berth.admin.OperatorApi;
import io.berth.admin.rest.JsonBodyReader;
import io.berth.admin.rest.JsonInput;
import io.berth.core.http.Problem;
import io.berth.core.http.ProblemException;
import io.berth.core.identity.TenantIdps;
import io.berth.core.identity.TrustedIssuer;
import io.berth.core.tenant.TenantException;
import io.berth.core.tenant.TenantService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import java.util.Set;

/**
 * The identity providers a tenant trusts besides Berth's own authorization server: tokens whose {@code iss} is exactly
 * the issuer are verified with the keys at its JWKS URL (HTTPS), for the tenant's MCP URI as audience unless an
 * audience is given.
 */
@Permits(Role.OPERATOR)
@Path(OperatorApi.PATH + "/tenants/{id}/identity-providers")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Agent access")
@SecurityRequirement(name = OperatorApi.SECURITY_SCHEME)
@APIResponse(responseCode = "401", description = "Missing or wrong operator token")
@APIResponse(responseCode = "404", description = "No such tenant")
public class IdentityProvidersResource {

    private static final Set<String> FIELDS = Set.of("issuer", "jwksUrl", "audience", "scopeClaim");

    @Inject
    TenantService tenants;

    @Inject
    TenantIdps idps;

    @GET
    @Operation(summary = "List the identity providers a tenant trusts")
    public JsonObject list(@PathParam("id") String id) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        idps.list(existing(id)).forEach(t -> items.add(view(t)));
        return Json.createObjectBuilder().add("items", items).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Trust an identity provider, or change how it is trusted",
            description = "{\"issuer\":\"https://idp.example.com\",\"jwksUrl\":\"https://idp.example.com/jwks\","
                    + "\"audience\":null,\"scopeClaim\":\"scope\"}: applies on every node from the next request on.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
            example = "{\"issuer\":\"https://idp.example.com\",\"jwksUrl\":\"https://idp.example.com/jwks\"}")))
    @APIResponse(responseCode = "200", description = "Trusted")
    @APIResponse(responseCode = "400", description = "Not an https URL, one of Berth's own addresses, ...")
    public JsonObject trust(@PathParam("id") String id, InputStream body) {
        JsonInput in = JsonInput.of(JsonBodyReader.readObject(body), FIELDS);
        String issuer = in.string("issuer");
        String jwksUrl = in.string("jwksUrl");
        String audience = in.string("audience");
        String scopeClaim = in.string("scopeClaim");
        in.requireNoErrors();
        existing(id);
        try {
            return view(idps.trust(id, issuer, jwksUrl, audience, scopeClaim));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of("invalid-input", "Invalid input", 400, e.getMessage()));
        }
    }

    @DELETE
    @Operation(summary = "Stop trusting an identity provider (?issuer=…); its tokens are refused from the next request")
    @APIResponse(responseCode = "204", description = "No longer trusted")
    public Response remove(@PathParam("id") String id, @QueryParam("issuer") String issuer) {
        existing(id);
        if (issuer == null || !idps.remove(id, issuer)) {
            throw new ProblemException(Problem.of("identity-provider-not-found", "Identity provider not found", 404,
                    "The tenant does not trust this issuer."));
        }
        return Response.noContent().build();
    }

    private String existing(String id) {
        if (tenants.find(AgentAccessResource.existing(id)).isEmpty()) {
            throw new TenantException.NotFound(id);
        }
        return id;
    }

    private static JsonObject view(TrustedIssuer t) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("issuer", t.issuer()).add("jwksUrl", t.jwksUrl())
                .add("scopeClaim", t.scopeClaim());
        if (t.audience() != null) {
            b.add("audience", t.audience());
        }
        return b.build();
    }
}
