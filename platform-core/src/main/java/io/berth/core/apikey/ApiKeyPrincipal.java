package io.berth.core.apikey;

import io.berth.core.access.Role;

import java.time.Instant;
import java.util.Set;

/**
 * Who presented a valid API key: its tenant, its public id, the scopes it grants agents, the tenant roles it holds on
 * the tenant API (none: an agent-only key) and when it expires ({@code null}: never). Tokens minted from the key never
 * outlive it.
 */
public record ApiKeyPrincipal(String tenantId, String keyId, Set<String> scopes, Set<Role> roles, Instant expiresAt) {

    public ApiKeyPrincipal {
        scopes = Set.copyOf(scopes);
        roles = Set.copyOf(roles);
    }

    /** A key without expiry. */
    public ApiKeyPrincipal(String tenantId, String keyId, Set<String> scopes, Set<Role> roles) {
        this(tenantId, keyId, scopes, roles, null);
    }
}
