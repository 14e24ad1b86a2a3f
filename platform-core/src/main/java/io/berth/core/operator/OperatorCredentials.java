package io.berth.core.operator;

import io.berth.core.security.Secrets;
import io.berth.core.storage.Jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Verifies operator bearer tokens. A configured token, when present, is the only one accepted; otherwise the tokens
 * whose hashes are stored (the one generated at first start) are.
 */
@ApplicationScoped
public class OperatorCredentials {

    /** Generated tokens carry this prefix so they are recognisable in a secret scanner. */
    public static final String PREFIX = "berth_op_";
    static final int MIN_CONFIGURED_LENGTH = 32;
    private static final Logger LOG = Logger.getLogger(OperatorCredentials.class.getName());

    @Inject
    Jdbc jdbc;

    @Inject
    @ConfigProperty(name = "berth.operator.token")
    Optional<String> configuredToken;

    /** Fails start-up when the configured token is too weak to guard every tenant. */
    public void checkConfiguration() {
        if (configured() && token().length() < MIN_CONFIGURED_LENGTH) {
            throw new IllegalStateException("berth.operator.token must be at least " + MIN_CONFIGURED_LENGTH
                    + " characters long (generate one with: openssl rand -base64 32)");
        }
    }

    /**
     * Warns when nobody can reach the operator API: no token is configured and none is stored (an installation whose
     * configured token was later removed). Setting {@code berth.operator.token} restores access.
     */
    public void warnIfLockedOut() {
        boolean stored = !jdbc.query("count operator credentials", "select id from operator_credentials",
                row -> row.getString(1)).isEmpty();
        if (!configured() && !stored) {
            LOG.severe("No operator credential exists: set berth.operator.token (BERTH_OPERATOR_TOKEN) to open "
                    + "the operator API");
        }
    }

    public boolean configured() {
        return !token().isEmpty();
    }

    private String token() {
        return configuredToken.map(String::strip).orElse("");
    }

    public boolean verify(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        String hash = Secrets.sha256(presented);
        if (configured()) {
            return Secrets.constantTimeEquals(hash, Secrets.sha256(token()));
        }
        // Looked up by hash: the database sees only the digest, and a digest reveals nothing about near-miss guesses.
        return jdbc.queryOne("verify operator credential",
                "select token_hash from operator_credentials where token_hash = ?", row -> row.getString(1), hash)
                .filter(stored -> Secrets.constantTimeEquals(stored, hash))
                .isPresent();
    }

    /**
     * Stores a newly generated token on {@code connection} (inside the caller's transaction) and returns it; the
     * plain token exists only in the return value.
     */
    public Optional<String> generate(Connection connection, Instant now) throws SQLException {
        if (configured()) {
            return Optional.empty();
        }
        String token = PREFIX + Secrets.random(32);
        Jdbc.update(connection, "insert into operator_credentials (id, token_hash, created_at) values (?, ?, ?)",
                "initial", Secrets.sha256(token), now);
        return Optional.of(token);
    }
}
