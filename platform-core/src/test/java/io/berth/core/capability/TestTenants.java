package io.berth.core.capability;

import io.berth.core.storage.Jdbc;

import java.time.Instant;

/** Tenant rows for capability tests (their tables reference tenants). */
public final class TestTenants {

    private TestTenants() {
    }

    public static void create(Jdbc jdbc, String... ids) {
        for (String id : ids) {
            Instant now = Instant.now();
            jdbc.update("create test tenant", "insert into tenants (id, display_name, status, created_at, updated_at, "
                    + "version) values (?, ?, 'active', ?, ?, 0)", id, id, now, now);
        }
    }
}
