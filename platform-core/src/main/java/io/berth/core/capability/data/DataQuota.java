package io.berth.core.capability.data;

/** How much a tenant's plugins may store together: bytes (keys plus values, UTF-8) and entries. */
public record DataQuota(long maxBytes, long maxEntries) {

    public DataQuota {
        if (maxBytes < 0 || maxEntries < 0) {
            throw new IllegalArgumentException("quota limits must not be negative");
        }
    }
}
