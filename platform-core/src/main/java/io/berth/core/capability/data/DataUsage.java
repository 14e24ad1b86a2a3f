package io.berth.core.capability.data;

/** What a tenant's plugins store now, expired entries not yet reclaimed included. */
public record DataUsage(long bytes, long entries) {
}
