package io.berth.core.capability.data;

import io.berth.core.storage.Jdbc;
import io.berth.sdk.DataEntry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the data store. Every statement names the tenant in its WHERE clause (and the plugin, where it reads or
 * writes entries): there is no statement that could reach another tenant's rows whatever the arguments.
 */
final class DataRows {

    /** An entry to store. */
    record Row(String key, String value, long version, long size, Instant expiresAt) {
        DataEntry entry() {
            return new DataEntry(key, value, version, expiresAt);
        }
    }

    /** What is stored under a key, expired or not (without its value, which a write does not need). */
    record Existing(long version, long size, Instant expiresAt) {
        boolean liveAt(Instant now) {
            return expiresAt == null || expiresAt.isAfter(now);
        }
    }

    /** The tenant's counters, locked for the rest of the transaction. */
    record Counters(long bytes, long entries, long nextVersion) {
    }

    private static final String LIVE = "(expires_at is null or expires_at > ?)";

    private DataRows() {
    }

    static Optional<DataEntry> live(Jdbc jdbc, String tenant, String plugin, String key, Instant now) {
        return jdbc.queryOne("read plugin data",
                "select data_key, data_value, version, expires_at from plugin_data "
                        + "where tenant_id = ? and plugin = ? and data_key = ? and " + LIVE,
                DataRows::entry, tenant, plugin, key, now);
    }

    static List<DataEntry> page(Jdbc jdbc, String tenant, String plugin, String like, String after, int limit,
                                Instant now) {
        return jdbc.query("list plugin data",
                "select data_key, data_value, version, expires_at from plugin_data "
                        + "where tenant_id = ? and plugin = ? and data_key like ? escape '!' and data_key > ? and "
                        + LIVE + " order by data_key limit ?",
                DataRows::entry, tenant, plugin, like, after, now, limit);
    }

    /** Creates the tenant's counters row if missing (outside any transaction: a lost race is harmless). */
    static void ensureCounters(Jdbc jdbc, String tenant) {
        try {
            jdbc.update("create plugin data counters",
                    "insert into plugin_data_usage (tenant_id, bytes, entries, next_version) select ?, 0, 0, 1 "
                            + "where not exists (select 1 from plugin_data_usage where tenant_id = ?)",
                    tenant, tenant);
        } catch (RuntimeException e) {
            if (!Jdbc.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /** Locks the tenant's counters: writes of one tenant are serialised, so its quota holds exactly. */
    static Counters lockCounters(Connection c, String tenant) throws SQLException {
        List<Counters> rows = Jdbc.query(c, "select bytes, entries, next_version from plugin_data_usage "
                        + "where tenant_id = ? for update",
                r -> new Counters(r.getLong("bytes"), r.getLong("entries"), r.getLong("next_version")), tenant);
        if (rows.isEmpty()) {
            throw new SQLException("plugin data counters missing");
        }
        return rows.get(0);
    }

    static void addToCounters(Connection c, String tenant, long bytes, long entries, boolean newVersion)
            throws SQLException {
        Jdbc.update(c, "update plugin_data_usage set bytes = bytes + ?, entries = entries + ?, "
                + "next_version = next_version + ? where tenant_id = ?", bytes, entries, newVersion ? 1 : 0, tenant);
    }

    static Optional<Existing> lockRow(Connection c, String tenant, String plugin, String key) throws SQLException {
        List<Existing> rows = Jdbc.query(c, "select version, size_bytes, expires_at from plugin_data "
                + "where tenant_id = ? and plugin = ? and data_key = ? for update", DataRows::existing, tenant, plugin,
                key);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static void insert(Connection c, String tenant, String plugin, Row row, Instant now) throws SQLException {
        Jdbc.update(c, "insert into plugin_data (tenant_id, plugin, data_key, data_value, version, size_bytes, "
                        + "created_at, updated_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant, plugin, row.key(), row.value(), row.version(), row.size(), now, now, row.expiresAt());
    }

    static void replace(Connection c, String tenant, String plugin, Row row, Instant now) throws SQLException {
        Jdbc.update(c, "update plugin_data set data_value = ?, version = ?, size_bytes = ?, updated_at = ?, "
                        + "expires_at = ? where tenant_id = ? and plugin = ? and data_key = ?",
                row.value(), row.version(), row.size(), now, row.expiresAt(), tenant, plugin, row.key());
    }

    static void delete(Connection c, String tenant, String plugin, String key) throws SQLException {
        Jdbc.update(c, "delete from plugin_data where tenant_id = ? and plugin = ? and data_key = ?",
                tenant, plugin, key);
    }

    /** Deletes every expired entry of the tenant (all plugins) and gives their room back. */
    static void reclaimExpired(Connection c, String tenant, Instant now) throws SQLException {
        List<long[]> freed = Jdbc.query(c, "select coalesce(sum(size_bytes), 0) as b, count(*) as n from plugin_data "
                + "where tenant_id = ? and expires_at <= ?", r -> new long[] {r.getLong("b"), r.getLong("n")},
                tenant, now);
        long[] f = freed.get(0);
        if (f[1] > 0) {
            Jdbc.update(c, "delete from plugin_data where tenant_id = ? and expires_at <= ?", tenant, now);
            addToCounters(c, tenant, -f[0], -f[1], false);
        }
    }

    static QuotaSetting quota(Jdbc jdbc, String tenant) {
        return jdbc.queryOne("read data quota", "select max_bytes, max_entries, version from tenant_data_quotas "
                        + "where tenant_id = ?", DataRows::quota, tenant)
                .orElse(new QuotaSetting(null, null, 0));
    }

    static QuotaSetting quota(Connection c, String tenant) throws SQLException {
        List<QuotaSetting> rows = Jdbc.query(c, "select max_bytes, max_entries, version from tenant_data_quotas "
                + "where tenant_id = ?", DataRows::quota, tenant);
        return rows.isEmpty() ? new QuotaSetting(null, null, 0) : rows.get(0);
    }

    static DataUsage usage(Jdbc jdbc, String tenant) {
        return jdbc.queryOne("read data usage", "select bytes, entries from plugin_data_usage where tenant_id = ?",
                r -> new DataUsage(r.getLong("bytes"), r.getLong("entries")), tenant).orElse(new DataUsage(0, 0));
    }

    private static QuotaSetting quota(ResultSet r) throws SQLException {
        long bytes = r.getLong("max_bytes");
        Long maxBytes = r.wasNull() ? null : bytes;
        long entries = r.getLong("max_entries");
        Long maxEntries = r.wasNull() ? null : entries;
        return new QuotaSetting(maxBytes, maxEntries, r.getLong("version"));
    }

    private static DataEntry entry(ResultSet r) throws SQLException {
        return new DataEntry(r.getString("data_key"), r.getString("data_value"), r.getLong("version"),
                Jdbc.instant(r, "expires_at"));
    }

    private static Existing existing(ResultSet r) throws SQLException {
        return new Existing(r.getLong("version"), r.getLong("size_bytes"), Jdbc.instant(r, "expires_at"));
    }
}
