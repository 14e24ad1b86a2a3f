package io.berth.core.plugin;

import io.berth.core.storage.Jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Plugin versions, the active version of each plugin and switched-off tools, in the database; always per tenant. */
@ApplicationScoped
public class PluginStore {

    private static final String VERSION_COLUMNS = "tenant_id, plugin, version, sha256, size_bytes, isolation, "
            + "declarations, status, created_at, approved_at";

    @Inject
    Jdbc jdbc;

    /** Stores a new version (numbered after the last one) and returns it. */
    public PluginVersion add(String tenant, String plugin, String sha256, byte[] jar,
                             PluginVersion.Isolation isolation, String declarations, boolean held) {
        Instant now = Instant.now();
        return jdbc.inTransaction("store plugin version", c -> {
            int next = Jdbc.query(c, "select coalesce(max(version), 0) + 1 as next from plugin_versions "
                    + "where tenant_id = ? and plugin = ?", row -> row.getInt("next"), tenant, plugin).get(0);
            Jdbc.update(c, "insert into plugin_versions (" + VERSION_COLUMNS + ", jar) values "
                            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tenant, plugin, next, sha256, jar.length,
                    isolation.wire(), declarations, held ? PluginVersion.HELD : PluginVersion.APPROVED, now,
                    held ? null : now, jar);
            return new PluginVersion(tenant, plugin, next, sha256, jar.length, isolation, declarations,
                    held ? PluginVersion.HELD : PluginVersion.APPROVED, now, held ? null : now);
        });
    }

    public Optional<PluginVersion> version(String tenant, String plugin, int version) {
        return jdbc.queryOne("read plugin version", "select " + VERSION_COLUMNS + " from plugin_versions "
                + "where tenant_id = ? and plugin = ? and version = ?", PluginStore::version, tenant, plugin, version);
    }

    public List<PluginVersion> versions(String tenant, String plugin) {
        return jdbc.query("list plugin versions", "select " + VERSION_COLUMNS + " from plugin_versions "
                + "where tenant_id = ? and plugin = ? order by version", PluginStore::version, tenant, plugin);
    }

    public byte[] jar(String tenant, String plugin, int version) {
        return jdbc.queryOne("read plugin JAR", "select jar from plugin_versions "
                        + "where tenant_id = ? and plugin = ? and version = ?", row -> row.getBytes("jar"),
                tenant, plugin, version)
                .orElseThrow(() -> new IllegalStateException("plugin version is gone: " + plugin + " " + version));
    }

    public void approve(String tenant, String plugin, int version) {
        jdbc.update("approve plugin version", "update plugin_versions set status = ?, approved_at = ? "
                + "where tenant_id = ? and plugin = ? and version = ?", PluginVersion.APPROVED, Instant.now(),
                tenant, plugin, version);
    }

    /** The active version of each deployed plugin of the tenant, by plugin name. */
    public Map<String, PluginVersion> active(String tenant) {
        return jdbc.query("list active plugins", "select " + prefixed("v") + " from plugins p join plugin_versions v "
                        + "on v.tenant_id = p.tenant_id and v.plugin = p.plugin and v.version = p.active_version "
                        + "where p.tenant_id = ? order by p.plugin", PluginStore::version, tenant).stream()
                .collect(Collectors.toMap(PluginVersion::plugin, v -> v, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** Tenants with at least one deployed plugin. */
    public List<String> tenantsWithPlugins() {
        return jdbc.query("list tenants with plugins", "select distinct tenant_id from plugins "
                + "where active_version is not null order by tenant_id", row -> row.getString("tenant_id"));
    }

    /** Makes {@code version} the active one ({@code null}: undeployed). */
    public void activate(String tenant, String plugin, Integer version) {
        jdbc.inTransaction("activate plugin version", c -> {
            Instant now = Instant.now();
            int updated = Jdbc.update(c, "update plugins set active_version = ?, updated_at = ? "
                    + "where tenant_id = ? and plugin = ?", version, now, tenant, plugin);
            if (updated == 0) {
                Jdbc.update(c, "insert into plugins (tenant_id, plugin, active_version, updated_at) "
                        + "values (?, ?, ?, ?)", tenant, plugin, version, now);
            }
            return null;
        });
    }

    public Set<String> disabledTools(String tenant) {
        return Set.copyOf(jdbc.query("list disabled tools", "select tool from disabled_tools where tenant_id = ?",
                row -> row.getString("tool"), tenant));
    }

    public void enableTool(String tenant, String tool, boolean enabled) {
        jdbc.inTransaction("switch tool", c -> {
            Jdbc.update(c, "delete from disabled_tools where tenant_id = ? and tool = ?", tenant, tool);
            if (!enabled) {
                Jdbc.update(c, "insert into disabled_tools (tenant_id, tool) values (?, ?)", tenant, tool);
            }
            return null;
        });
    }

    private static String prefixed(String alias) {
        return java.util.Arrays.stream(VERSION_COLUMNS.split(", ")).map(c -> alias + "." + c)
                .collect(Collectors.joining(", "));
    }

    private static PluginVersion version(ResultSet row) throws SQLException {
        return new PluginVersion(row.getString("tenant_id"), row.getString("plugin"), row.getInt("version"),
                row.getString("sha256"), row.getInt("size_bytes"),
                PluginVersion.Isolation.of(row.getString("isolation")), row.getString("declarations"),
                row.getString("status"), Jdbc.instant(row, "created_at"), Jdbc.instant(row, "approved_at"));
    }
}
