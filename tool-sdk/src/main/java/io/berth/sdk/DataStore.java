package io.berth.sdk;

import java.time.Duration;
import java.util.Optional;

/**
 * A small key-value store for one plugin of one tenant ({@link ToolContext#data()}). It survives restarts and is the
 * same on every Berth node. Nothing another tenant or another plugin stores is visible here: the same key names a
 * different entry for each of them.
 *
 * <p><b>Keys</b> are 1 to 256 characters out of {@code A-Z a-z 0-9 . _ - : / @ + = ~}; use a prefix such as
 * {@code "notes/"} to group them. <b>Values</b> are text; store JSON as its text. A value may be at most the size the
 * installation allows (64 KiB of UTF-8 by default). <b>Quota</b>: all plugins of a tenant share one quota, in bytes
 * (key plus value, UTF-8) and in entries; a write over it throws {@link QuotaExceededException} and changes nothing.
 * Expired entries are invisible at once and give their room back no later than the next write that needs it.
 *
 * <p>Every write returns the entry as stored, with its new {@link DataEntry#version() version}: pass it to
 * {@link #compareAndSet} to update only what you read (optimistic concurrency).
 *
 * <p>Every method throws {@link ToolException} for an invalid key, limit or cursor, and when the store cannot be
 * reached; the message is meant for the model.
 */
public interface DataStore {

    /** The entry under {@code key}, or empty if there is none (or it expired). */
    Optional<DataEntry> get(String key) throws ToolException;

    /**
     * Stores {@code value} under {@code key}, replacing any entry.
     *
     * @param ttl how long the entry lives (at least one second), or {@code null} to keep it until deleted
     */
    DataEntry put(String key, String value, Duration ttl) throws ToolException;

    /** {@link #put(String, String, Duration)} without expiry. */
    default DataEntry put(String key, String value) throws ToolException {
        return put(key, value, null);
    }

    /** Stores the entry only if {@code key} has none: the stored entry, or empty if one was there already. */
    Optional<DataEntry> putIfAbsent(String key, String value, Duration ttl) throws ToolException;

    /**
     * Replaces the entry only if it is still at {@code expectedVersion}: the stored entry, or empty if the entry
     * changed, expired or was deleted meanwhile (read it again and decide).
     */
    Optional<DataEntry> compareAndSet(String key, long expectedVersion, String value, Duration ttl)
            throws ToolException;

    /** Deletes the entry; true if there was one. */
    boolean delete(String key) throws ToolException;

    /**
     * The entries whose keys start with {@code prefix} ({@code ""} for all), in ascending key order, at most
     * {@code limit} (1 to 100) at a time. Pass {@code null} as {@code cursor} for the first page and the page's
     * {@link DataPage#nextCursor() nextCursor} for the next. Entries written between pages appear if their key sorts
     * after the cursor.
     */
    DataPage list(String prefix, int limit, String cursor) throws ToolException;
}
