package io.berth.admin.capabilities;

import io.berth.core.tenant.TenantException;
import io.berth.core.tenant.TenantId;
import io.berth.core.tenant.TenantService;

/** The 404 for a tenant that does not exist, before any of its settings are read or written. */
final class ExistingTenant {

    private ExistingTenant() {
    }

    static String require(TenantService tenants, String id) {
        if (!TenantId.isValid(id) || tenants.find(id).isEmpty()) {
            throw new TenantException.NotFound(id);
        }
        return id;
    }
}
