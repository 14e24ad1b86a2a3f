package io.berth.admin.capabilities;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a tenant's plugins store, against the quota in force. */
@Schema(name = "DataUsage")
public record DataUsageView(
        @Schema(description = "Bytes stored (keys plus values, UTF-8), expired entries not yet reclaimed included")
        long usedBytes,
        @Schema(description = "Entries stored") long usedEntries,
        @Schema(description = "The quota in force: the tenant's own or the default") long maxBytes,
        @Schema(description = "The quota in force: the tenant's own or the default") long maxEntries) {
}
