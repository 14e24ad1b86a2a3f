package io.berth.core.apikey;

import java.util.Set;

/** Who presented a valid API key: its tenant, its public id, and the scopes it was granted. */
public record ApiKeyPrincipal(String tenantId, String keyId, Set<String> scopes) {

    public ApiKeyPrincipal {
        scopes = Set.copyOf(scopes);
    }
}
