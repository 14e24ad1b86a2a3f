package io.berth.core.tenant;

import java.util.List;
import java.util.Optional;

/** One page of tenants in id order; {@code nextAfter} is the cursor for the following page, if there is one. */
public record TenantPage(List<Tenant> items, Optional<String> nextAfter) {

    public TenantPage {
        items = List.copyOf(items);
    }
}
