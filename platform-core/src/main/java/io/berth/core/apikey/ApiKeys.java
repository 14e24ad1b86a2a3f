package io.berth.core.apikey;

import io.berth.core.access.Role;
import io.berth.core.security.Secrets;
import io.berth.core.storage.Jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Issues and verifies tenant API keys. A key reads {@code berth_<env>_<id>_<secret>}: the id finds the row, the SHA-256
 * of the whole key is compared in constant time, and revoked or expired keys fail exactly like unknown ones.
 */
@ApplicationScoped
public class ApiKeys {

    /** Whether a key is for production traffic or for tests; part of the key's prefix. */
    public enum Environment { LIVE, TEST }

    private static final Pattern FORMAT = Pattern.compile("berth_(?:live|test)_([0-9a-f]{16})_[A-Za-z0-9_-]{43}");

    @Inject
    Jdbc jdbc;

    public IssuedApiKey issue(String tenantId, String name, Collection<String> scopes, Environment environment) {
        return issue(tenantId, name, scopes, Set.of(), environment);
    }

    public IssuedApiKey issue(String tenantId, String name, Collection<String> scopes, Set<Role> roles,
            Environment environment) {
        // The id is public (it appears in listings and logs); the secret half is what authenticates.
        String id = Secrets.randomHex(8);
        String secret = "berth_" + environment.name().toLowerCase(Locale.ROOT) + "_" + id + "_" + Secrets.random(32);
        jdbc.update("issue API key",
                "insert into api_keys (id, tenant_id, name, key_hash, scopes, roles, created_at) values (?, ?, ?, ?, ?, ?, ?)",
                id, tenantId, name, Secrets.sha256(secret), String.join(" ", scopes),
                roles.stream().map(Role::id).sorted().collect(Collectors.joining(" ")), Instant.now());
        return new IssuedApiKey(id, tenantId, secret);
    }

    private static Set<Role> roles(String stored) {
        return Arrays.stream(stored.split(" ")).map(Role::of).flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The principal of a valid key; empty for anything else (malformed, unknown, wrong secret, revoked, expired). */
    public Optional<ApiKeyPrincipal> verify(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(presented);
        if (!m.matches()) {
            return Optional.empty();
        }
        String id = m.group(1);
        Instant now = Instant.now();
        Optional<ApiKeyPrincipal> found = jdbc.query("verify API key",
                "select tenant_id, key_hash, scopes, roles, expires_at, revoked_at from api_keys where id = ?", row -> {
                    boolean matches = Secrets.constantTimeEquals(row.getString("key_hash"), Secrets.sha256(presented));
                    Instant expires = Jdbc.instant(row, "expires_at");
                    boolean live = row.getObject("revoked_at") == null && (expires == null || expires.isAfter(now));
                    String scopes = row.getString("scopes");
                    return matches && live ? new ApiKeyPrincipal(row.getString("tenant_id"), id,
                            scopes.isBlank() ? Set.of() : Set.of(scopes.split(" ")), roles(row.getString("roles")))
                            : null;
                }, id).stream().filter(java.util.Objects::nonNull).findFirst();
        found.ifPresent(p -> jdbc.update("note API key use", "update api_keys set last_used_at = ? where id = ?",
                now, id));
        return found;
    }
}
