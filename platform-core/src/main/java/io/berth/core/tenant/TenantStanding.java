package io.berth.core.tenant;

import java.util.Optional;

/**
 * What the tenant gate found at a tenant address whose id is valid. Only {@link #SERVED} tenants serve agents; the
 * others are answered by each endpoint exactly as it answers a stranger at a served tenant, until the caller proves a
 * credential of that tenant (then {@link TenantGateFilter#refuse}), so that strangers cannot tell them apart.
 */
public enum TenantStanding {
    /** Exists and is active. */
    SERVED,
    /** Exists, suspended by an operator. */
    SUSPENDED,
    /** No such tenant (never created, or deleted). */
    UNKNOWN;

    static TenantStanding of(Optional<TenantStatus> status) {
        if (status.isEmpty()) {
            return UNKNOWN;
        }
        return status.get() == TenantStatus.ACTIVE ? SERVED : SUSPENDED;
    }
}
