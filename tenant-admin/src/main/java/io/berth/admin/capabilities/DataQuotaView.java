package io.berth.admin.capabilities;

import io.berth.core.capability.data.QuotaSetting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Set;

/** A tenant's own data quota: read with GET, replaced whole with PUT; a null limit means Berth's default. */
@Schema(name = "DataQuota", description = "How much a tenant's plugins may keep in the data store, together. "
        + "A null or absent limit uses the installation's default (berth.plugin-data.default-max-*).")
public record DataQuotaView(
        @Schema(description = "Bytes of keys plus values (UTF-8)", nullable = true, example = "10485760",
                maximum = "1099511627776")
        @PositiveOrZero @Max(MAX_BYTES)
        Long maxBytes,
        @Schema(description = "Number of entries", nullable = true, example = "10000", maximum = "1000000000")
        @PositiveOrZero @Max(MAX_ENTRIES)
        Long maxEntries) {

    static final long MAX_BYTES = 1L << 40;
    static final long MAX_ENTRIES = 1_000_000_000L;
    static final Set<String> FIELDS = Set.of("maxBytes", "maxEntries");

    static DataQuotaView of(QuotaSetting s) {
        return new DataQuotaView(s.maxBytes(), s.maxEntries());
    }
}
