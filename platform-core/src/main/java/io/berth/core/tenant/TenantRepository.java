package io.berth.core.tenant;

import io.berth.core.json.JsonFactories;
import io.berth.core.storage.Jdbc;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.StringReader;
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
    /** The member of {@code tenants.settings} that holds {@link AgentAccess#anonymousAgents()}. */
    static final String ANONYMOUS_AGENTS = "anonymousAgents";
    /** The member of {@code tenants.settings} that holds {@link AllowedOrigins#origins()}. */
    static final String CORS_ORIGINS = "corsOrigins";

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

    /** The tenant's agent access policy (from its settings), or empty if no such tenant. */
    Optional<AgentAccess> agentAccess(String id) {
        return settings(id).map(r -> new AgentAccess(r.settings().get(ANONYMOUS_AGENTS) == JsonValue.TRUE,
                r.version()));
    }

    /**
     * Sets the tenant's agent access policy in its settings (other settings untouched) and moves the tenant to its next
     * version; empty if no such tenant.
     */
    Optional<AgentAccess> setAgentAccess(String id, boolean anonymousAgents, Long expectedVersion, Instant now) {
        return setSetting(id, ANONYMOUS_AGENTS, anonymousAgents ? JsonValue.TRUE : JsonValue.FALSE, expectedVersion,
                now).map(version -> new AgentAccess(anonymousAgents, version));
    }

    /** The tenant's browser origins (from its settings; none when absent), or empty if no such tenant. */
    Optional<AllowedOrigins> allowedOrigins(String id) {
        return settings(id).map(r -> new AllowedOrigins(strings(r.settings().get(CORS_ORIGINS)), r.version()));
    }

    /** Replaces the tenant's browser origins in its settings, as {@link #setAgentAccess} does its policy. */
    Optional<AllowedOrigins> setAllowedOrigins(String id, List<String> origins, Long expectedVersion, Instant now) {
        JsonArrayBuilder array = JsonFactories.BUILDERS.createArrayBuilder();
        origins.forEach(array::add);
        return setSetting(id, CORS_ORIGINS, array.build(), expectedVersion, now)
                .map(version -> new AllowedOrigins(origins, version));
    }

    /** A tenant's settings document with the tenant's version. */
    private record SettingsRow(JsonObject settings, long version) {
    }

    private Optional<SettingsRow> settings(String id) {
        return jdbc.queryOne("read tenant settings", "select settings, version from tenants where id = ?",
                TenantRepository::settingsRow, id);
    }

    private static SettingsRow settingsRow(ResultSet row) throws SQLException {
        return new SettingsRow(parseSettings(row.getString("settings")), row.getLong("version"));
    }

    /**
     * Sets one member of the tenant's settings (the others untouched) and moves the tenant to its next version, which
     * it returns; empty if no such tenant. A setting is part of the tenant: one version, one ETag.
     */
    private Optional<Long> setSetting(String id, String member, JsonValue value, Long expectedVersion, Instant now) {
        return jdbc.inTransaction("set tenant setting", c -> {
            List<SettingsRow> current = Jdbc.query(c,
                    "select settings, version from tenants where id = ? for update", TenantRepository::settingsRow, id);
            if (current.isEmpty()) {
                return Optional.<Long>empty();
            }
            long version = current.get(0).version();
            if (expectedVersion != null && expectedVersion != version) {
                throw new TenantException.VersionMismatch(id, expectedVersion, version);
            }
            String settings = JsonFactories.BUILDERS.createObjectBuilder(current.get(0).settings())
                    .add(member, value).build().toString();
            Jdbc.update(c, "update tenants set settings = ?, updated_at = ?, version = ? where id = ? and version = ?",
                    settings, now, version + 1, id, version);
            return Optional.of(version + 1);
        });
    }

    private static List<String> strings(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
    }

    /** The settings document; a row written by hand that does not parse counts as no settings (every default). */
    private static JsonObject parseSettings(String json) {
        try (JsonReader r = JsonFactories.READERS.createReader(new StringReader(json == null ? "{}" : json))) {
            return r.readObject();
        } catch (JsonException | IllegalStateException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
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
