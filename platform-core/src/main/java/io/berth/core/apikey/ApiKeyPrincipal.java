package io.berth.core.apikey;

import io.berth.core.access.Role;

import java.util.Set;

/** Who presented a valid API key: its tenant, its public id, the scopes it grants agents and its REST API roles. */
public record ApiKeyPrincipal(String tenantId, String keyId, Set<String> scopes, Set<Role> roles) {

    public ApiKeyPrincipal {
        scopes = Set.copyOf(scopes);
        roles = Set.copyOf(roles);
    }
}
