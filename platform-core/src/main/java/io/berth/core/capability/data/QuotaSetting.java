package io.berth.core.capability.data;

/**
 * A tenant's own quota as its operator set it: {@code null} limits fall back to the installation's default.
 * {@code version} grows with every change (0 when never set) and backs the operator API's ETag.
 */
public record QuotaSetting(Long maxBytes, Long maxEntries, long version) {

    public DataQuota effective(DataQuota defaults) {
        return new DataQuota(maxBytes != null ? maxBytes : defaults.maxBytes(),
                maxEntries != null ? maxEntries : defaults.maxEntries());
    }
}
