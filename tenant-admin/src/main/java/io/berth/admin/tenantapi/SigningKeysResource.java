package io.berth.admin.tenantapi;

import io.berth.admin.rest.Permits;
import io.berth.core.access.Role;
import io.berth.admin.rest.JsonBodyReader;
import io.berth.admin.rest.JsonInput;
import io.berth.core.http.Problem;
import io.berth.core.http.ProblemException;
import io.berth.core.plugin.SigningKeys;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.Set;

/** The public keys the tenant signs plugins with; with at least one registered, unsigned uploads are refused. */
@Path(TenantApi.PATH + "/signing-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "signing-keys")
@SecurityRequirement(name = TenantApi.SECURITY_SCHEME)
public class SigningKeysResource {

    @Inject
    SigningKeys keys;

    @Context
    HttpServletRequest request;

    @Permits({Role.DEVELOPER, Role.APPROVER, Role.AUDITOR})
    @GET
    @Operation(summary = "The registered signing keys")
    public JsonObject list() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        keys.list(tenant()).forEach(k -> list.add(view(k)));
        return Json.createObjectBuilder().add("keys", list).build();
    }

    @Permits(Role.TENANT_ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a public key: {name, publicKey} (SubjectPublicKeyInfo, base64 or PEM)")
    public Response add(InputStream body) {
        JsonInput in = JsonInput.of(JsonBodyReader.readObject(body), Set.of("name", "publicKey"));
        String name = in.string("name");
        String publicKey = in.string("publicKey");
        in.requireNoErrors();
        if (name == null || name.isBlank() || name.length() > 200 || publicKey == null) {
            throw invalid("name (1-200 characters) and publicKey are required");
        }
        try {
            return Response.status(201).entity(view(keys.add(tenant(), name.strip(), publicKey))).build();
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    @Permits(Role.TENANT_ADMIN)
    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a signing key")
    public Response remove(@PathParam("id") String id) {
        if (!keys.remove(tenant(), id)) {
            throw new ProblemException(Problem.of("not-found", "Not found", 404, "No signing key " + id));
        }
        return Response.noContent().build();
    }

    private static JsonObject view(SigningKeys.Registered k) {
        return Json.createObjectBuilder().add("id", k.id()).add("name", k.name()).add("algorithm", k.algorithm())
                .add("publicKey", k.publicKey()).add("createdAt", k.createdAt().toString()).build();
    }

    private String tenant() {
        return (String) request.getAttribute(TenantAuthenticationFilter.TENANT);
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problem.of("invalid-input", "Invalid input", 400, detail));
    }
}
