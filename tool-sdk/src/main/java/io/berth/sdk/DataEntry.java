package io.berth.sdk;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the {@link DataStore}.
 *
 * @param key       the key, as given when it was written
 * @param value     the text stored (JSON documents are stored as their text)
 * @param version   changes with every write of this entry and is never reused for the tenant, so a
 *                  {@link DataStore#compareAndSet compare-and-set} on it cannot be fooled by a delete and re-create
 * @param expiresAt when the entry disappears, or {@code null} if it never expires
 */
public record DataEntry(String key, String value, long version, Instant expiresAt) {

    public DataEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
