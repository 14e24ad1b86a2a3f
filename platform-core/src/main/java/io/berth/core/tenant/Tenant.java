package io.berth.core.tenant;

import java.time.Instant;
import java.util.Objects;

/** A tenant as stored. {@code version} grows with every change and backs optimistic concurrency (ETag/If-Match). */
public record Tenant(String id, String displayName, TenantStatus status, Instant createdAt, Instant updatedAt,
                     long version) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
