package io.berth.admin.apikeys;

import io.berth.admin.rest.Permits;
import io.berth.admin.OperatorApi;
import io.berth.admin.rest.JsonBodyReader;
import io.berth.admin.rest.JsonInput;
import io.berth.core.access.Role;
import io.berth.core.apikey.ApiKeys;
import io.berth.core.apikey.IssuedApiKey;
import io.berth.core.http.Problem;
import io.berth.core.http.ProblemException;
import io.berth.core.tenant.TenantService;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Issues API keys for a tenant. The key is in the response once and stored only as a hash. */
@Permits(Role.OPERATOR)
@Path(OperatorApi.PATH + "/tenants/{id}/api-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "api-keys")
@SecurityRequirement(name = OperatorApi.SECURITY_SCHEME)
public class ApiKeysResource {

    private static final Set<String> FIELDS = Set.of("name", "scopes", "roles", "environment");
    private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    @Inject
    ApiKeys apiKeys;

    @Inject
    TenantService tenants;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue an API key for the tenant: {name, scopes?, roles?, environment? live|test}")
    @APIResponse(responseCode = "201", description = "Issued; the key is shown this once")
    @APIResponse(responseCode = "404", description = "No such tenant")
    public Response issue(@PathParam("id") String tenant, InputStream body) {
        JsonInput in = JsonInput.of(JsonBodyReader.readObject(body), FIELDS);
        String name = in.string("name");
        List<String> scopes = in.strings("scopes");
        List<String> roleNames = in.strings("roles");
        String environment = in.string("environment");
        in.requireNoErrors();
        if (name == null || name.isBlank() || name.length() > 200) {
            throw invalid("name is required, 1-200 characters");
        }
        if (scopes != null && !scopes.stream().allMatch(s -> SCOPE.matcher(s).matches())) {
            throw invalid("each scope is 1-64 of A-Z, a-z, 0-9, '_', '.', ':' and '-'");
        }
        Set<Role> roles = new HashSet<>();
        for (String r : roleNames == null ? List.<String>of() : roleNames) {
            roles.add(Role.of(r).filter(Role.TENANT_ROLES::contains).orElseThrow(() -> invalid(
                    "each role is one of tenant-admin, developer, approver, auditor")));
        }
        ApiKeys.Environment env;
        try {
            env = environment == null ? ApiKeys.Environment.LIVE
                    : ApiKeys.Environment.valueOf(environment.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("environment is 'live' or 'test'");
        }
        if (tenants.find(tenant).isEmpty()) {
            throw new ProblemException(Problem.of("tenant-not-found", "Tenant not found", 404, "No tenant " + tenant));
        }
        IssuedApiKey issued = apiKeys.issue(tenant, name.strip(), scopes == null ? List.of() : scopes, roles, env);
        JsonArrayBuilder granted = Json.createArrayBuilder();
        (scopes == null ? List.<String>of() : scopes).forEach(granted::add);
        JsonArrayBuilder held = Json.createArrayBuilder();
        roles.stream().map(Role::id).sorted().forEach(held::add);
        return Response.status(201).header("Cache-Control", "no-store").entity(Json.createObjectBuilder()
                .add("id", issued.id()).add("tenant", tenant).add("key", issued.secret()).add("scopes", granted)
                .add("roles", held)
                .build()).build();
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problem.of("invalid-input", "Invalid input", 400, detail));
    }
}
