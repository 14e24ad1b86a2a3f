package io.berth.core.capability.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@code berth.plugin-data.*} settings: the quota a tenant has unless its operator set another, the value cap. */
@ApplicationScoped
public class DataConfig {

    /** What the {@code data_value} column holds at most (characters), whatever the configuration says. */
    static final int COLUMN_LIMIT = 262_144;

    @Inject
    @ConfigProperty(name = "berth.plugin-data.default-max-bytes")
    long defaultMaxBytes;

    @Inject
    @ConfigProperty(name = "berth.plugin-data.default-max-entries")
    long defaultMaxEntries;

    @Inject
    @ConfigProperty(name = "berth.plugin-data.max-value-bytes")
    int maxValueBytes;

    /** For tests and wiring by hand. */
    public static DataConfig of(long defaultMaxBytes, long defaultMaxEntries, int maxValueBytes) {
        DataConfig c = new DataConfig();
        c.defaultMaxBytes = defaultMaxBytes;
        c.defaultMaxEntries = defaultMaxEntries;
        c.maxValueBytes = maxValueBytes;
        return c;
    }

    public DataQuota defaultQuota() {
        return new DataQuota(defaultMaxBytes, defaultMaxEntries);
    }

    /** The largest value, in UTF-8 bytes (never more than the column holds). */
    public int maxValueBytes() {
        return Math.min(maxValueBytes, COLUMN_LIMIT);
    }
}
