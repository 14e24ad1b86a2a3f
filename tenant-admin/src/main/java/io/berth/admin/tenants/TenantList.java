package io.berth.admin.tenants;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of tenants in id order. */
@Schema(name = "TenantList")
public record TenantList(
        List<TenantView> items,
        @Schema(description = "Pass as 'after' to get the next page; absent on the last page", nullable = true)
        String nextCursor) {
}
