package io.berth.admin.tenantapi;

import io.berth.admin.rest.Permits;
import io.berth.core.access.Role;
import io.berth.core.http.Problem;
import io.berth.core.http.ProblemException;
import io.berth.core.plugin.PluginDeployments;
import io.berth.core.plugin.PluginVersion;

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
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A tenant's plugins: upload (multipart: {@code jar}, optional {@code name}, {@code isolation} and a base64
 * {@code signature}), list, versions,
 * approval of held versions, activation of another version (roll back or forward), undeploy.
 */
@Path(TenantApi.PATH + "/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "plugins")
@SecurityRequirement(name = TenantApi.SECURITY_SCHEME)
public class PluginsResource {

    private static final int MAX_JAR_BYTES = 20 * 1024 * 1024;
    private static final int MAX_FIELD_BYTES = 2048;

    @Inject
    PluginDeployments deployments;

    @Context
    HttpServletRequest request;

    @Permits(Role.DEVELOPER)
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a plugin version: verified, stored, deployed at once unless its tools changed")
    @APIResponse(responseCode = "201", description = "Stored; deployed (active) or held for approval")
    @APIResponse(responseCode = "409", description = "A tool name another plugin of the tenant offers")
    @APIResponse(responseCode = "413", description = "Larger than 20 MiB")
    @APIResponse(responseCode = "422", description = "Rejected: every archive problem and bytecode violation listed")
    public Response upload(List<EntityPart> parts, @Context UriInfo uri) throws IOException {
        byte[] jar = null;
        String fileName = null;
        String name = null;
        String isolation = null;
        byte[] signature = null;
        for (EntityPart part : parts) {
            switch (part.getName()) {
                case "jar" -> {
                    jar = bounded(part.getContent(), MAX_JAR_BYTES, "jar");
                    fileName = part.getFileName().orElse(null);
                }
                case "name" -> name = text(part, "name");
                case "isolation" -> isolation = text(part, "isolation");
                case "signature" -> signature = signature(text(part, "signature"));
                default -> throw invalid("unknown part '" + part.getName()
                        + "'; the parts are jar, name, isolation, signature");
            }
        }
        if (jar == null) {
            throw invalid("the part 'jar' (the plugin JAR) is required");
        }
        String plugin = name != null ? name.strip() : nameFrom(fileName);
        PluginDeployments.Upload upload = deployments.upload(tenant(), plugin, jar, signature,
                isolation(isolation));
        return Response.created(uri.getBaseUriBuilder().path("plugins").path(plugin).build())
                .entity(PluginView.of(upload.version(), upload.active())).build();
    }

    @Permits({Role.DEVELOPER, Role.APPROVER, Role.AUDITOR})
    @GET
    @Operation(summary = "The tenant's deployed plugins, each with its active version")
    public JsonObject list() {
        JsonArrayBuilder plugins = Json.createArrayBuilder();
        deployments.active(tenant()).values().forEach(v -> plugins.add(PluginView.of(v, true)));
        return Json.createObjectBuilder().add("plugins", plugins).build();
    }

    @Permits({Role.DEVELOPER, Role.APPROVER, Role.AUDITOR})
    @GET
    @Path("{name}")
    @Operation(summary = "Every stored version of a plugin, oldest first")
    @APIResponse(responseCode = "404", description = "No such plugin")
    public JsonObject versions(@PathParam("name") String name) {
        String tenant = tenant();
        PluginVersion active = deployments.active(tenant).get(name);
        JsonArrayBuilder versions = Json.createArrayBuilder();
        deployments.versions(tenant, name).forEach(v -> versions.add(PluginView.of(v,
                active != null && active.version() == v.version())));
        return Json.createObjectBuilder().add("plugin", name).add("versions", versions).build();
    }

    @Permits(Role.APPROVER)
    @POST
    @Path("{name}/versions/{version}/approve")
    @Operation(summary = "Approve a held version (its tools changed) and deploy it")
    @APIResponse(responseCode = "404", description = "No such version")
    @APIResponse(responseCode = "409", description = "The version is not held")
    public JsonObject approve(@PathParam("name") String name, @PathParam("version") int version) {
        return PluginView.of(deployments.approve(tenant(), name, version), true);
    }

    @Permits(Role.DEVELOPER)
    @POST
    @Path("{name}/versions/{version}/activate")
    @Operation(summary = "Deploy another approved version: roll back or forward")
    @APIResponse(responseCode = "204", description = "Deployed")
    @APIResponse(responseCode = "404", description = "No such version")
    @APIResponse(responseCode = "409", description = "The version waits for approval")
    public Response activate(@PathParam("name") String name, @PathParam("version") int version) {
        deployments.activate(tenant(), name, version);
        return Response.noContent().build();
    }

    @Permits(Role.DEVELOPER)
    @DELETE
    @Path("{name}")
    @Operation(summary = "Undeploy a plugin (its versions are kept)")
    @APIResponse(responseCode = "204", description = "Undeployed")
    @APIResponse(responseCode = "404", description = "Not deployed")
    public Response undeploy(@PathParam("name") String name) {
        deployments.undeploy(tenant(), name);
        return Response.noContent().build();
    }

    private String tenant() {
        // JAX-RS request properties are the servlet request's attributes: set by TenantAuthenticationFilter.
        return (String) request.getAttribute(TenantAuthenticationFilter.TENANT);
    }

    /** Defaults to the JAR's file name without its extension and version suffix ({@code crm-tools-1.2.jar}). */
    private static String nameFrom(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw invalid("name the plugin: a 'name' part, or a file name on the 'jar' part");
        }
        String base = fileName.replaceAll("^.*[/\\\\]", "").replaceFirst("(?i)\\.jar$", "")
                .replaceFirst("-\\d[\\w.-]*$", "");
        return base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    private static PluginVersion.Isolation isolation(String value) {
        if (value == null || value.isBlank()) {
            return PluginVersion.Isolation.WORKER; // untrusted by default: a sandboxed process
        }
        try {
            return PluginVersion.Isolation.of(value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("isolation must be 'classloader' or 'worker'");
        }
    }

    /** A detached signature over the JAR, base64 (standard alphabet). */
    private static byte[] signature(String base64) {
        try {
            return java.util.Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("signature must be base64");
        }
    }

    private static String text(EntityPart part, String field) throws IOException {
        return new String(bounded(part.getContent(), MAX_FIELD_BYTES, field), StandardCharsets.UTF_8);
    }

    private static byte[] bounded(InputStream in, int max, String field) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new ProblemException(Problem.of("body-too-large", "Request body too large", 413,
                    "The part '" + field + "' is larger than " + max + " bytes."));
        }
        return bytes;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problem.of("invalid-input", "Invalid input", 400, detail));
    }
}
