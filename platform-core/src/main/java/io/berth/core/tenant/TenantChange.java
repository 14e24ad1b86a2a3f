package io.berth.core.tenant;

/**
 * A partial update of a tenant: {@code null} leaves a field as it is. {@code expectedVersion}, when present, must match
 * the stored version or the change is refused (a lost update is worse than a retry).
 */
public record TenantChange(String displayName, TenantStatus status, Long expectedVersion) {
}
