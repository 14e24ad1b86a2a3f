package io.berth.core.apikey;

import io.berth.core.security.Secrets;
import io.berth.core.storage.Jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Collection;
import java.util.Locale;

/** Issues tenant API keys. */
@ApplicationScoped
public class ApiKeys {

    /** Whether a key is for production traffic or for tests; part of the key's prefix. */
    public enum Environment { LIVE, TEST }

    @Inject
    Jdbc jdbc;

    public IssuedApiKey issue(String tenantId, String name, Collection<String> scopes, Environment environment) {
        // The id is public (it appears in listings and logs); the secret half is what authenticates.
        String id = Secrets.randomHex(8);
        String secret = "berth_" + environment.name().toLowerCase(Locale.ROOT) + "_" + id + "_" + Secrets.random(32);
        jdbc.update("issue API key",
                "insert into api_keys (id, tenant_id, name, key_hash, scopes, created_at) values (?, ?, ?, ?, ?, ?)",
                id, tenantId, name, Secrets.sha256(secret), String.join(" ", scopes), Instant.now());
        return new IssuedApiKey(id, tenantId, secret);
    }
}
