package io.berth.core.tenant;

/**
 * Fired synchronously just before a tenant's row goes, while its API keys still exist: whatever must outlive the
 * tenant's data (the refusal of its agents' unexpired tokens, should the id be taken again) is arranged by observers.
 */
public record TenantDeleting(String tenantId) {
}
