package io.berth.admin.tenants;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Set;

/** Body of {@code PATCH /tenants/{id}} (JSON merge patch): absent fields stay as they are. */
@Schema(name = "UpdateTenant", description = "Fields to change; absent fields are left as they are.")
public record UpdateTenantRequest(
        @Schema(description = "Name shown to people", maxLength = 200)
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String displayName,
        @Schema(description = "active, or suspended to refuse the tenant's traffic on every node at once",
                enumeration = {"active", "suspended"})
        @Pattern(regexp = "active|suspended", message = "must be 'active' or 'suspended'")
        String status) {

    static final Set<String> FIELDS = Set.of("displayName", "status");
}
