package io.berth.core.tenant;

import io.berth.core.storage.Jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for the tenants table. Package-private: other features go through {@link TenantService}. */
@ApplicationScoped
class TenantRepository {

    private static final String COLUMNS = "id, display_name, status, created_at, updated_at, version";

    @Inject
    Jdbc jdbc;

    void insert(Tenant t) {
        jdbc.update("create tenant",
                "insert into tenants (id, display_name, status, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?)",
                t.id(), t.displayName(), t.status().wire(), t.createdAt(), t.updatedAt(), t.version());
    }

    Optional<Tenant> find(String id) {
        return jdbc.queryOne("read tenant", "select " + COLUMNS + " from tenants where id = ?", TenantRepository::map,
                id);
    }

    /** Up to {@code limit} tenants whose id sorts after {@code after} (keyset pagination: stable under inserts). */
    List<Tenant> listAfter(String after, int limit) {
        return jdbc.query("list tenants",
                "select " + COLUMNS + " from tenants where id > ? order by id limit ?", TenantRepository::map,
                after == null ? "" : after, limit);
    }

    /** Applies {@code change} in one transaction and returns the stored result, or empty if no such tenant. */
    Optional<Tenant> update(String id, TenantChange change, Instant now) {
        return jdbc.inTransaction("update tenant", c -> {
            List<Tenant> current = Jdbc.query(c, "select " + COLUMNS + " from tenants where id = ? for update",
                    TenantRepository::map, id);
            if (current.isEmpty()) {
                return Optional.<Tenant>empty();
            }
            Tenant t = current.get(0);
            if (change.expectedVersion() != null && change.expectedVersion() != t.version()) {
                throw new TenantException.VersionMismatch(id, change.expectedVersion(), t.version());
            }
            Tenant updated = new Tenant(id,
                    change.displayName() != null ? change.displayName() : t.displayName(),
                    change.status() != null ? change.status() : t.status(),
                    t.createdAt(), now, t.version() + 1);
            write(c, updated, t.version());
            return Optional.of(updated);
        });
    }

    boolean delete(String id) {
        return jdbc.update("delete tenant", "delete from tenants where id = ?", id) == 1;
    }

    private static void write(Connection c, Tenant t, long previousVersion) throws SQLException {
        Jdbc.update(c, "update tenants set display_name = ?, status = ?, updated_at = ?, version = ? "
                        + "where id = ? and version = ?",
                t.displayName(), t.status().wire(), t.updatedAt(), t.version(), t.id(), previousVersion);
    }

    private static Tenant map(ResultSet row) throws SQLException {
        String status = row.getString("status");
        return new Tenant(row.getString("id"), row.getString("display_name"),
                TenantStatus.fromWire(status).orElseThrow(() -> new SQLException("Unknown tenant status in row")),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "updated_at"), row.getLong("version"));
    }
}
