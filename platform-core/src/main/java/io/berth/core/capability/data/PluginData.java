package io.berth.core.capability.data;

import io.berth.core.storage.Jdbc;
import io.berth.sdk.DataStore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The plugin data store ({@code ToolContext.data()}): a store per tenant and plugin, and the tenant's quota, which its
 * operator may set (the operator API) or leave at the installation's default.
 */
@ApplicationScoped
public class PluginData {

    @Inject
    Jdbc jdbc;

    @Inject
    DataConfig config;

    Clock clock = Clock.systemUTC();

    /** For tests and wiring by hand. */
    public static PluginData of(Jdbc jdbc, DataConfig config, Clock clock) {
        PluginData d = new PluginData();
        d.jdbc = jdbc;
        d.config = config;
        d.clock = clock;
        return d;
    }

    /** The store of {@code plugin} for {@code tenantId}; both are fixed for the store's lifetime. */
    public DataStore store(String tenantId, String plugin) {
        return new TenantDataStore(jdbc, config, clock, Objects.requireNonNull(tenantId, "tenantId"),
                Objects.requireNonNull(plugin, "plugin"));
    }

    public DataUsage usage(String tenantId) {
        return DataRows.usage(jdbc, tenantId);
    }

    /** The tenant's own quota setting (limits left {@code null} take the default). */
    public QuotaSetting quota(String tenantId) {
        return DataRows.quota(jdbc, tenantId);
    }

    public DataQuota defaultQuota() {
        return config.defaultQuota();
    }

    /**
     * Replaces the tenant's quota setting. {@code expectedVersion} (null: any) guards against overwriting a change
     * the caller has not seen. Lowering a quota below the usage deletes nothing: writes that need more room fail until
     * enough is deleted.
     *
     * @throws QuotaVersionMismatch when the setting is no longer at {@code expectedVersion}
     */
    public QuotaSetting setQuota(String tenantId, Long maxBytes, Long maxEntries, Long expectedVersion) {
        if (maxBytes != null && maxBytes < 0 || maxEntries != null && maxEntries < 0) {
            throw new IllegalArgumentException("quota limits must not be negative");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            return write(tenantId, maxBytes, maxEntries, expectedVersion, now);
        } catch (RuntimeException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw new QuotaVersionMismatch(quota(tenantId).version()); // another writer created the row first
            }
            throw e;
        }
    }

    private QuotaSetting write(String tenantId, Long maxBytes, Long maxEntries, Long expectedVersion, Instant now) {
        return jdbc.inTransaction("set data quota", c -> {
            QuotaSetting current = DataRows.quota(c, tenantId);
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw new QuotaVersionMismatch(current.version());
            }
            QuotaSetting next = new QuotaSetting(maxBytes, maxEntries, current.version() + 1);
            if (current.version() == 0) {
                Jdbc.update(c, "insert into tenant_data_quotas (tenant_id, max_bytes, max_entries, version, "
                        + "updated_at) values (?, ?, ?, ?, ?)", tenantId, maxBytes, maxEntries, next.version(), now);
            } else if (Jdbc.update(c, "update tenant_data_quotas set max_bytes = ?, max_entries = ?, version = ?, "
                    + "updated_at = ? where tenant_id = ? and version = ?", maxBytes, maxEntries, next.version(),
                    now, tenantId, current.version()) == 0) {
                throw new QuotaVersionMismatch(DataRows.quota(c, tenantId).version()); // changed since read
            }
            return next;
        });
    }

    /** The quota setting changed since the caller read it. */
    public static final class QuotaVersionMismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long actual;

        QuotaVersionMismatch(long actual) {
            super("The data quota is at version " + actual + ": read it again and retry");
            this.actual = actual;
        }

        public long actual() {
            return actual;
        }
    }
}
