package io.berth.admin.capabilities;

import io.berth.core.access.Role;
import io.berth.admin.rest.Permits;
import io.berth.admin.OperatorApi;
import io.berth.admin.rest.IfMatch;
import io.berth.admin.rest.InputValidator;
import io.berth.admin.rest.JsonBodyReader;
import io.berth.admin.rest.JsonInput;
import io.berth.core.capability.data.DataQuota;
import io.berth.core.capability.data.DataUsage;
import io.berth.core.capability.data.PluginData;
import io.berth.core.capability.data.QuotaSetting;
import io.berth.core.tenant.TenantService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
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

/** A tenant's plugin data store: its usage, and the quota its operator sets. */
@Permits(Role.OPERATOR)
@Path(OperatorApi.PATH + "/tenants/{id}/data")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Tenant capabilities")
@SecurityRequirement(name = OperatorApi.SECURITY_SCHEME)
@APIResponse(responseCode = "401", description = "Missing or wrong operator token")
public class DataResource {

    @Inject
    TenantService tenants;

    @Inject
    PluginData data;

    @Inject
    InputValidator validator;

    @GET
    @Operation(summary = "Read a tenant's data store usage and the quota in force")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DataUsageView.class)))
    @APIResponse(responseCode = "404", description = "No such tenant")
    public DataUsageView usage(@PathParam("id") String id) {
        ExistingTenant.require(tenants, id);
        DataUsage usage = data.usage(id);
        DataQuota quota = data.quota(id).effective(data.defaultQuota());
        return new DataUsageView(usage.bytes(), usage.entries(), quota.maxBytes(), quota.maxEntries());
    }

    @GET
    @Path("quota")
    @Operation(summary = "Read a tenant's own data quota")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DataQuotaView.class)))
    @APIResponse(responseCode = "404", description = "No such tenant")
    public Response quota(@PathParam("id") String id) {
        QuotaSetting s = data.quota(ExistingTenant.require(tenants, id));
        return Response.ok(DataQuotaView.of(s)).tag(etag(s)).build();
    }

    @PUT
    @Path("quota")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a tenant's data quota",
            description = "Takes effect at the next write, on every node. Lowering it below the usage deletes "
                    + "nothing: writes that need more room fail until plugins delete enough.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DataQuotaView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid input")
    @APIResponse(responseCode = "404", description = "No such tenant")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Response setQuota(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                             @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                     schema = @Schema(implementation = DataQuotaView.class))) InputStream body) {
        ExistingTenant.require(tenants, id);
        JsonInput in = JsonInput.of(JsonBodyReader.readObject(body), DataQuotaView.FIELDS);
        DataQuotaView request = new DataQuotaView(in.wholeNumber("maxBytes"), in.wholeNumber("maxEntries"));
        in.requireNoErrors();
        validator.valid(request);
        try {
            QuotaSetting stored = data.setQuota(id, request.maxBytes(), request.maxEntries(),
                    IfMatch.version(ifMatch));
            return Response.ok(DataQuotaView.of(stored)).tag(etag(stored)).build();
        } catch (PluginData.QuotaVersionMismatch e) {
            throw IfMatch.mismatch(e.getMessage());
        }
    }

    private static EntityTag etag(QuotaSetting s) {
        return new EntityTag(Long.toString(s.version()));
    }
}
