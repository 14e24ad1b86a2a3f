package io.berth.core.plugin;

import io.berth.core.storage.Jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
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

    /**
     * Runs {@code work} in one transaction holding the tenant's row lock: plugin changes of one tenant are serialized
     * across every node, so version numbers and tool ownership are decided on what is stored, never on a stale view.
     */
    public <T> T locked(String tenant, Jdbc.TransactionWork<T> work) {
        return jdbc.inTransaction("change plugins", c -> {
            if (Jdbc.query(c, "select id from tenants where id = ? for update", row -> row.getString("id"), tenant)
                    .isEmpty()) {
                throw new PluginDeploymentException(PluginDeploymentException.Kind.NOT_FOUND, "No such tenant");
            }
            return work.run(c);
        });
    }

    /** Stores a new version (numbered after the last one) and returns it; call inside {@link #locked}. */
    public PluginVersion add(Connection c, String tenant, String plugin, String sha256, byte[] jar,
                             PluginVersion.Isolation isolation, String declarations, boolean held)
            throws SQLException {
        Instant now = Instant.now();
        {
            int next = Jdbc.query(c, "select coalesce(max(version), 0) + 1 as next from plugin_versions "
                    + "where tenant_id = ? and plugin = ?", row -> row.getInt("next"), tenant, plugin).get(0);
            Jdbc.update(c, "insert into plugin_versions (" + VERSION_COLUMNS + ", jar) values "
                            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tenant, plugin, next, sha256, jar.length,
                    isolation.wire(), declarations, held ? PluginVersion.HELD : PluginVersion.APPROVED, now,
                    held ? null : now, jar);
            return new PluginVersion(tenant, plugin, next, sha256, jar.length, isolation, declarations,
                    held ? PluginVersion.HELD : PluginVersion.APPROVED, now, held ? null : now);
        }
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

    public void approve(Connection c, String tenant, String plugin, int version) throws SQLException {
        Jdbc.update(c, "update plugin_versions set status = ?, approved_at = ? "
                + "where tenant_id = ? and plugin = ? and version = ?", PluginVersion.APPROVED, Instant.now(),
                tenant, plugin, version);
    }

    public Optional<PluginVersion> version(Connection c, String tenant, String plugin, int version)
            throws SQLException {
        List<PluginVersion> found = Jdbc.query(c, "select " + VERSION_COLUMNS + " from plugin_versions "
                + "where tenant_id = ? and plugin = ? and version = ?", PluginStore::version, tenant, plugin, version);
        return found.stream().findFirst();
    }

    private static final String ACTIVE = "select " + prefixed("v") + " from plugins p join plugin_versions v "
            + "on v.tenant_id = p.tenant_id and v.plugin = p.plugin and v.version = p.active_version "
            + "where p.tenant_id = ? order by p.plugin";

    /** The active version of each deployed plugin of the tenant, by plugin name (in name order). */
    public Map<String, PluginVersion> active(String tenant) {
        return byPlugin(jdbc.query("list active plugins", ACTIVE, PluginStore::version, tenant));
    }

    public Map<String, PluginVersion> active(Connection c, String tenant) throws SQLException {
        return byPlugin(Jdbc.query(c, ACTIVE, PluginStore::version, tenant));
    }

    private static Map<String, PluginVersion> byPlugin(List<PluginVersion> versions) {
        return versions.stream().collect(Collectors.toMap(PluginVersion::plugin, v -> v, (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    /** Tenants with at least one deployed plugin. */
    public List<String> tenantsWithPlugins() {
        return jdbc.query("list tenants with plugins", "select distinct tenant_id from plugins "
                + "where active_version is not null order by tenant_id", row -> row.getString("tenant_id"));
    }

    /** Makes {@code version} the active one ({@code null}: undeployed); call inside {@link #locked}. */
    public void activate(Connection c, String tenant, String plugin, Integer version) throws SQLException {
        Instant now = Instant.now();
        int updated = Jdbc.update(c, "update plugins set active_version = ?, updated_at = ? "
                + "where tenant_id = ? and plugin = ?", version, now, tenant, plugin);
        if (updated == 0) {
            Jdbc.update(c, "insert into plugins (tenant_id, plugin, active_version, updated_at) "
                    + "values (?, ?, ?, ?)", tenant, plugin, version, now);
        }
    }

    public Set<String> disabledTools(String tenant) {
        return Set.copyOf(jdbc.query("list disabled tools", "select tool from disabled_tools where tenant_id = ?",
                row -> row.getString("tool"), tenant));
    }

    /** Call inside {@link #locked} (which serializes concurrent switches of one tenant). */
    public void enableTool(Connection c, String tenant, String tool, boolean enabled) throws SQLException {
        Jdbc.update(c, "delete from disabled_tools where tenant_id = ? and tool = ?", tenant, tool);
        if (!enabled) {
            Jdbc.update(c, "insert into disabled_tools (tenant_id, tool) values (?, ?)", tenant, tool);
        }
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
