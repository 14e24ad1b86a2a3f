package io.berth.admin.tenantapi;

import io.berth.admin.rest.Permits;
import io.berth.core.access.Role;
import io.berth.admin.rest.JsonBodyReader;
import io.berth.admin.rest.JsonInput;
import io.berth.core.http.Problem;
import io.berth.core.http.ProblemException;
import io.berth.core.plugin.PluginDeployments;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.Set;
import java.util.regex.Pattern;

/** Switching single tools off and on, whichever plugin offers them; a switched-off tool is neither listed nor callable. */
@Path(TenantApi.PATH + "/tools")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tools")
@SecurityRequirement(name = TenantApi.SECURITY_SCHEME)
public class ToolsResource {

    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    @Inject
    PluginDeployments deployments;

    @Context
    HttpServletRequest request;

    @Permits({Role.DEVELOPER, Role.APPROVER, Role.AUDITOR})
    @GET
    @Path("disabled")
    @Operation(summary = "The tools switched off")
    public JsonObject disabled() {
        JsonArrayBuilder tools = Json.createArrayBuilder();
        deployments.disabledTools(tenant()).stream().sorted().forEach(tools::add);
        return Json.createObjectBuilder().add("disabled", tools).build();
    }

    @Permits(Role.DEVELOPER)
    @PATCH
    @Path("{name}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "Switch a tool off or on: {\"enabled\": false}")
    public JsonObject update(@PathParam("name") String name, InputStream body) {
        if (!TOOL_NAME.matcher(name).matches()) {
            throw new ProblemException(Problem.of("invalid-input", "Invalid input", 400,
                    "A tool name is 1-128 of A-Z, a-z, 0-9, '_', '.' and '-'."));
        }
        JsonInput in = JsonInput.of(JsonBodyReader.readObject(body), Set.of("enabled"));
        Boolean enabled = in.bool("enabled");
        in.requireNoErrors();
        if (enabled == null) {
            throw new ProblemException(Problem.of("invalid-input", "Invalid input", 400, "enabled is required"));
        }
        deployments.enableTool(tenant(), name, enabled);
        return Json.createObjectBuilder().add("tool", name).add("enabled", enabled).build();
    }

    private String tenant() {
        // JAX-RS request properties are the servlet request's attributes: set by TenantAuthenticationFilter.
        return (String) request.getAttribute(TenantAuthenticationFilter.TENANT);
    }
}
