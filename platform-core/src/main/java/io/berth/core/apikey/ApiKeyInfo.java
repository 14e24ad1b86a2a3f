package io.berth.core.apikey;

import io.berth.core.access.Role;

import java.time.Instant;
import java.util.Set;

/**
 * What may be shown about a key: everything but its hash (the key itself is never stored). {@code environment} is
 * {@code null} for a key issued before Berth recorded it and not used since; {@code replaces} and {@code rotatedTo}
 * link a rotation both ways.
 */
public record ApiKeyInfo(String id, String tenantId, String name, ApiKeys.Environment environment, Set<String> scopes,
                         Set<Role> roles, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt,
                         String replaces, String rotatedTo) {

    /** Whether the key authenticates now. */
    public enum Status { ACTIVE, EXPIRED, REVOKED }

    public ApiKeyInfo {
        scopes = Set.copyOf(scopes);
        roles = Set.copyOf(roles);
    }

    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return expiresAt == null || expiresAt.isAfter(now) ? Status.ACTIVE : Status.EXPIRED;
    }

    /** Name, scopes, roles and environment, which a successor inherits (an unknown environment becomes live). */
    ApiKeySpec spec() {
        return new ApiKeySpec(name, scopes, roles, environment);
    }
}
