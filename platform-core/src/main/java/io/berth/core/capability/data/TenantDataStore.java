package io.berth.core.capability.data;

import io.berth.core.capability.data.DataRows.Counters;
import io.berth.core.capability.data.DataRows.Existing;
import io.berth.core.storage.Jdbc;
import io.berth.core.storage.StorageException;
import io.berth.sdk.DataEntry;
import io.berth.sdk.DataPage;
import io.berth.sdk.DataStore;
import io.berth.sdk.QuotaExceededException;
import io.berth.sdk.ToolException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One plugin's view of the data store, for one tenant: both are fixed at construction, so nothing a plugin passes can
 * name another namespace. Writes lock the tenant's counters row first and the entry second (always in that order), so
 * concurrent writes of one tenant queue up and the quota holds exactly on every node.
 */
final class TenantDataStore implements DataStore {

    private static final Logger LOG = Logger.getLogger(TenantDataStore.class.getName());
    private static final Duration MAX_TTL = Duration.ofDays(3650);

    private enum Mode { ALWAYS, IF_ABSENT, IF_VERSION }

    private sealed interface Outcome permits Stored, Unchanged, OverQuota {
    }

    private record Stored(DataEntry entry) implements Outcome {
    }

    private record Unchanged() implements Outcome {
    }

    private record OverQuota(String message) implements Outcome {
    }

    private final Jdbc jdbc;
    private final DataConfig config;
    private final Clock clock;
    private final String tenant;
    private final String plugin;

    TenantDataStore(Jdbc jdbc, DataConfig config, Clock clock, String tenant, String plugin) {
        this.jdbc = jdbc;
        this.config = config;
        this.clock = clock;
        this.tenant = tenant;
        this.plugin = plugin;
    }

    @Override
    public Optional<DataEntry> get(String key) throws ToolException {
        DataKeys.key(key);
        return guarded("read", () -> DataRows.live(jdbc, tenant, plugin, key, now()));
    }

    @Override
    public DataEntry put(String key, String value, Duration ttl) throws ToolException {
        return write(key, value, ttl, Mode.ALWAYS, 0).orElseThrow();
    }

    @Override
    public Optional<DataEntry> putIfAbsent(String key, String value, Duration ttl) throws ToolException {
        return write(key, value, ttl, Mode.IF_ABSENT, 0);
    }

    @Override
    public Optional<DataEntry> compareAndSet(String key, long expectedVersion, String value, Duration ttl)
            throws ToolException {
        return write(key, value, ttl, Mode.IF_VERSION, expectedVersion);
    }

    @Override
    public boolean delete(String key) throws ToolException {
        DataKeys.key(key);
        Instant now = now();
        return guarded("delete", () -> {
            DataRows.ensureCounters(jdbc, tenant);
            return jdbc.inTransaction("delete plugin data", c -> {
                DataRows.lockCounters(c, tenant);
                Optional<Existing> existing = DataRows.lockRow(c, tenant, plugin, key);
                if (existing.isEmpty()) {
                    return false;
                }
                DataRows.delete(c, tenant, plugin, key);
                DataRows.addToCounters(c, tenant, -existing.get().size(), -1, false);
                return existing.get().liveAt(now);
            });
        });
    }

    @Override
    public DataPage list(String prefix, int limit, String cursor) throws ToolException {
        String like = DataKeys.likePrefix(prefix == null ? "" : prefix);
        int size = DataKeys.limit(limit);
        String after = DataKeys.after(cursor);
        List<DataEntry> rows = guarded("list", () -> DataRows.page(jdbc, tenant, plugin, like, after, size + 1, now()));
        boolean more = rows.size() > size;
        List<DataEntry> page = more ? rows.subList(0, size) : rows;
        return new DataPage(page, more ? DataKeys.cursor(page.get(size - 1).key()) : null);
    }

    private Optional<DataEntry> write(String key, String value, Duration ttl, Mode mode, long expected)
            throws ToolException {
        DataKeys.key(key);
        DataKeys.value(value);
        long valueBytes = DataKeys.utf8Length(value);
        if (valueBytes > config.maxValueBytes()) {
            throw new QuotaExceededException("A data value may be at most " + config.maxValueBytes()
                    + " bytes of UTF-8; this one has " + valueBytes);
        }
        Instant now = now();
        DataRows.Row row = new DataRows.Row(key, value, 0, DataKeys.utf8Length(key) + valueBytes, expiry(now, ttl));
        Outcome outcome = guarded("write", () -> {
            DataRows.ensureCounters(jdbc, tenant);
            return jdbc.inTransaction("write plugin data", c -> writeIn(c, row, mode, expected, now));
        });
        if (outcome instanceof OverQuota over) {
            throw new QuotaExceededException(over.message());
        }
        return outcome instanceof Stored stored ? Optional.of(stored.entry()) : Optional.empty();
    }

    private Outcome writeIn(Connection c, DataRows.Row row, Mode mode, long expected, Instant now)
            throws SQLException {
        Counters counters = DataRows.lockCounters(c, tenant);
        Optional<Existing> existing = DataRows.lockRow(c, tenant, plugin, row.key());
        boolean live = existing.isPresent() && existing.get().liveAt(now);
        if (mode == Mode.IF_ABSENT && live
                || mode == Mode.IF_VERSION && (!live || existing.get().version() != expected)) {
            return new Unchanged();
        }
        DataQuota quota = DataRows.quota(c, tenant).effective(config.defaultQuota());
        if (overQuota(counters, existing, row.size(), quota) != null) {
            // Expired entries still hold their room until reclaimed; reclaim the tenant's now and look again.
            DataRows.reclaimExpired(c, tenant, now);
            counters = DataRows.lockCounters(c, tenant);
            existing = DataRows.lockRow(c, tenant, plugin, row.key());
            String over = overQuota(counters, existing, row.size(), quota);
            if (over != null) {
                return new OverQuota(over); // the reclaim is committed: it is right whatever happens next
            }
        }
        DataRows.Row stored = new DataRows.Row(row.key(), row.value(), counters.nextVersion(), row.size(),
                row.expiresAt());
        if (existing.isPresent()) {
            DataRows.replace(c, tenant, plugin, stored, now);
        } else {
            DataRows.insert(c, tenant, plugin, stored, now);
        }
        DataRows.addToCounters(c, tenant, row.size() - existing.map(Existing::size).orElse(0L),
                existing.isPresent() ? 0 : 1, true);
        return new Stored(stored.entry());
    }

    /** Why this write would exceed the quota, or null. A write that frees room is always allowed. */
    static String overQuota(Counters counters, Optional<Existing> existing, long size, DataQuota quota) {
        if (existing.isEmpty() && counters.entries() + 1 > quota.maxEntries()) {
            return "The tenant's data quota of " + quota.maxEntries() + " entries is used up; delete entries first";
        }
        long more = size - existing.map(Existing::size).orElse(0L);
        if (more > 0 && counters.bytes() + more > quota.maxBytes()) {
            long free = Math.max(0, quota.maxBytes() - counters.bytes());
            return "This write needs " + more + " more bytes, but only " + free + " of the tenant's data quota of "
                    + quota.maxBytes() + " bytes are free";
        }
        return null;
    }

    private static Instant expiry(Instant now, Duration ttl) throws ToolException {
        if (ttl == null) {
            return null;
        }
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new ToolException("A time to live must be from 1 second to " + MAX_TTL.toDays() + " days");
        }
        return now.plus(ttl).truncatedTo(ChronoUnit.MICROS);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private <T> T guarded(String what, Supplier<T> work) throws ToolException {
        try {
            return work.get();
        } catch (StorageException e) {
            LOG.log(Level.WARNING, "Tenant " + tenant + ": data store " + what + " for plugin " + plugin + " failed",
                    e);
            throw new ToolException("The data store is unavailable right now; try again later");
        }
    }
}
