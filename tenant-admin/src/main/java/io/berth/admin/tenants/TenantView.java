package io.berth.admin.tenants;

import io.berth.core.tenant.Tenant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A tenant as the operator API shows it. */
@Schema(name = "Tenant")
public record TenantView(
        @Schema(example = "acme-corp") String id,
        @Schema(example = "ACME Corporation") String displayName,
        @Schema(enumeration = {"active", "suspended"}) String status,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Grows with every change; also the ETag") long version) {

    static TenantView of(Tenant t) {
        return new TenantView(t.id(), t.displayName(), t.status().wire(), t.createdAt(), t.updatedAt(), t.version());
    }
}
