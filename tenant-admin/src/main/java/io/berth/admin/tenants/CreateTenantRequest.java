package io.berth.admin.tenants;

import io.berth.core.tenant.TenantId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Set;

/** Body of {@code POST /tenants}. */
@Schema(name = "CreateTenant", description = "A new tenant. It starts active.")
public record CreateTenantRequest(
        @Schema(description = "Immutable id, used in URLs (/t/{id}/mcp) and keys", example = "acme-corp",
                pattern = TenantId.PATTERN, required = true)
        @NotNull @Pattern(regexp = TenantId.PATTERN,
                message = "must be 3-40 characters: lower-case letters, digits and single inner hyphens, "
                        + "starting with a letter")
        String id,
        @Schema(description = "Name shown to people", example = "ACME Corporation", maxLength = 200,
                required = true)
        @NotBlank @Size(max = 200)
        String displayName) {

    static final Set<String> FIELDS = Set.of("id", "displayName");
}
