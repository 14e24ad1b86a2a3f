package io.berth.core.apikey;

import io.berth.core.access.Role;
import io.berth.core.security.Secrets;
import io.berth.core.storage.Jdbc;
import io.berth.core.storage.StorageException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Stores and verifies tenant API keys. A key reads {@code berth_<env>_<id>_<secret>}: the id finds the row, the SHA-256
 * of the whole key is compared in constant time, and revoked or expired keys fail exactly like unknown ones. The
 * policy around issuing (lifetimes, rotation, revocation) is {@link ApiKeyLifecycle}'s.
 */
@ApplicationScoped
public class ApiKeys {

    /** Whether a key is for production traffic or for tests; part of the key's prefix. */
    public enum Environment {
        LIVE, TEST;

        /** The name in the key's prefix and on the wire. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String COLUMNS = "id, tenant_id, name, environment, scopes, roles, created_at, expires_at,"
            + " revoked_at, last_used_at, replaces, rotated_to";
    private static final Pattern FORMAT = Pattern.compile("berth_(live|test)_([0-9a-f]{16})_[A-Za-z0-9_-]{43}");
    private static final Logger LOG = Logger.getLogger(ApiKeys.class.getName());

    @Inject
    Jdbc jdbc;

    @Inject
    ApiKeysConfig config;

    Clock clock = Clock.systemUTC();

    private final LastUse lastUse = new LastUse();

    /** Issues a key as specified, expiring at {@code expiresAt} (null: never; the caller decided it may). */
    public IssuedApiKey issue(String tenantId, ApiKeySpec spec, Instant expiresAt) {
        Instant now = now(clock);
        return jdbc.inTransaction("issue API key", c -> insert(c, tenantId, spec, now, expiresAt, null));
    }

    /** Inserts a key created {@code now} in the caller's transaction; {@code replaces} names the key it succeeds. */
    static IssuedApiKey insert(Connection c, String tenantId, ApiKeySpec spec, Instant now, Instant expiry,
                               String replaces) throws SQLException {
        Instant expiresAt = expiry == null ? null : expiry.truncatedTo(ChronoUnit.MILLIS);
        // 64 random bits of id are public (listings, logs, the OAuth client id); the 256-bit secret authenticates.
        String id = Secrets.randomHex(8);
        String secret = "berth_" + spec.environment().id() + "_" + id + "_" + Secrets.random(32);
        Jdbc.update(c, "insert into api_keys (id, tenant_id, name, key_hash, scopes, roles, environment, created_at,"
                        + " expires_at, replaces) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, tenantId, spec.name(), Secrets.sha256(secret), String.join(" ", spec.scopes()),
                ApiKeySpec.roleIds(spec.roles()), spec.environment().id(), now, expiresAt, replaces);
        return new IssuedApiKey(new ApiKeyInfo(id, tenantId, spec.name(), spec.environment(), spec.scopes(),
                spec.roles(), now, expiresAt, null, null, replaces, null), secret);
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
        String id = m.group(2);
        Instant now = clock.instant();
        Optional<ApiKeyPrincipal> found = jdbc.query("verify API key", "select tenant_id, key_hash, scopes, roles,"
                + " expires_at, revoked_at from api_keys where id = ?", row -> {
                    boolean matches = Secrets.constantTimeEquals(row.getString("key_hash"), Secrets.sha256(presented));
                    Instant expires = Jdbc.instant(row, "expires_at");
                    boolean live = row.getObject("revoked_at") == null && (expires == null || expires.isAfter(now));
                    return matches && live ? new ApiKeyPrincipal(row.getString("tenant_id"), id,
                            words(row.getString("scopes")), roles(row.getString("roles")), expires) : null;
                }, id).stream().filter(Objects::nonNull).findFirst();
        found.ifPresent(p -> noteUse(id, m.group(1), now));
        return found;
    }

    /** The time to store: milliseconds, which both databases keep exactly, so what is returned is what is read. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The tenant's keys, oldest first. */
    List<ApiKeyInfo> list(String tenantId) {
        return jdbc.query("list API keys", "select " + COLUMNS + " from api_keys where tenant_id = ?"
                + " order by created_at, id", ApiKeys::info, tenantId);
    }

    /** The tenant's key {@code keyId}; empty when the tenant has none with that id, whoever else might. */
    Optional<ApiKeyInfo> find(String tenantId, String keyId) {
        return jdbc.queryOne("read API key", "select " + COLUMNS + " from api_keys where tenant_id = ? and id = ?",
                ApiKeys::info, tenantId, keyId);
    }

    static Optional<ApiKeyInfo> find(Connection c, String tenantId, String keyId) throws SQLException {
        return Jdbc.query(c, "select " + COLUMNS + " from api_keys where tenant_id = ? and id = ?", ApiKeys::info,
                tenantId, keyId).stream().findFirst();
    }

    private void noteUse(String id, String environment, Instant now) {
        if (!lastUse.due(id, now.toEpochMilli(), config.lastUsedIntervalSeconds() * 1000L)) {
            return;
        }
        try {
            // The key's own prefix tells the environment of keys issued before Berth stored it.
            jdbc.update("note API key use", "update api_keys set last_used_at = ?,"
                    + " environment = coalesce(environment, ?) where id = ?", now, environment, id);
        } catch (StorageException e) {
            LOG.log(Level.WARNING, "The last use of API key " + id + " could not be recorded", e);
        }
    }

    private static ApiKeyInfo info(ResultSet row) throws SQLException {
        String environment = row.getString("environment");
        return new ApiKeyInfo(row.getString("id"), row.getString("tenant_id"), row.getString("name"),
                environment == null ? null : Environment.valueOf(environment.toUpperCase(Locale.ROOT)),
                words(row.getString("scopes")), roles(row.getString("roles")), Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "expires_at"), Jdbc.instant(row, "revoked_at"), Jdbc.instant(row, "last_used_at"),
                row.getString("replaces"), row.getString("rotated_to"));
    }

    private static Set<String> words(String spaceSeparated) {
        return spaceSeparated == null || spaceSeparated.isBlank() ? Set.of() : Set.of(spaceSeparated.split(" "));
    }

    /** Stored role ids; one this release does not know (a newer node wrote it) grants nothing here. */
    private static Set<Role> roles(String spaceSeparated) {
        return Arrays.stream(spaceSeparated == null ? new String[0] : spaceSeparated.split(" "))
                .map(Role::of).flatMap(Optional::stream).filter(Role.TENANT_ROLES::contains)
                .collect(Collectors.toUnmodifiableSet());
    }
}
