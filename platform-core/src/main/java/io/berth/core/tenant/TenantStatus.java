package io.berth.core.tenant;

import java.util.Arrays;
import java.util.Optional;

/** Whether a tenant's agents are served. A suspended tenant keeps its data but is refused on every node. */
public enum TenantStatus {
    ACTIVE("active"),
    SUSPENDED("suspended");

    private final String wire;

    TenantStatus(String wire) {
        this.wire = wire;
    }

    /** The lower-case name used in the database, the REST API and the cluster cache. */
    public String wire() {
        return wire;
    }

    public static Optional<TenantStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }
}
