package io.berth.core.apikey;

import io.berth.core.identity.IdentityConfig;
import io.berth.core.identity.Revocations;
import io.berth.core.storage.Jdbc;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A tenant's keys from issue to end, one service behind both REST APIs (the operator's for any tenant, the tenant's
 * for its own): issue within the lifetime policy, list, read, revoke, rotate. A key id of another tenant is
 * {@link ApiKeyException.Kind#NOT_FOUND} exactly like an unknown one.
 *
 * <p>Ending a key also ends the agent tokens minted from it, on every node, through {@link Revocations}: a revoked key
 * at once; a rotated key's at the end of its overlap window (tokens minted during the window expire with the key
 * anyway, as the token endpoint never lets a token outlive its key).
 */
@ApplicationScoped
public class ApiKeyLifecycle {

    /** A rotation's outcome: the successor (its secret shown once) and when the old key stops working. */
    public record Rotation(IssuedApiKey successor, Instant previousEndsAt) {
    }

    @Inject
    ApiKeys keys;

    @Inject
    ApiKeysConfig config;

    @Inject
    Revocations revocations;

    @Inject
    IdentityConfig identity;

    @Inject
    Jdbc jdbc;

    Clock clock = Clock.systemUTC();

    private final OverlapEnds overlapEnds = new OverlapEnds();

    public IssuedApiKey issue(String tenantId, ApiKeySpec spec, ApiKeyExpiry expiry) {
        return keys.issue(tenantId, spec, expiry.resolve(ApiKeys.now(clock), config));
    }

    public List<ApiKeyInfo> list(String tenantId) {
        return keys.list(tenantId);
    }

    public ApiKeyInfo get(String tenantId, String keyId) {
        return keys.find(tenantId, keyId).orElseThrow(ApiKeyException::notFound);
    }

    /** Revokes the key (again, if it was already): it and every token minted from it fail on every node at once. */
    public void revoke(String tenantId, String keyId) {
        if (!revocations.revokeClient(tenantId, keyId)) {
            throw ApiKeyException.notFound();
        }
    }

    /**
     * Issues a successor with the key's name, scopes, roles, environment and lifetime, and lets the old key work for
     * {@code overlapSeconds} more (null: the default; 0: it and its tokens end now). A revoked, expired or already
     * rotated key is a conflict: its successor, if any, is the one to rotate.
     */
    public Rotation rotate(String tenantId, String keyId, Long overlapSeconds) {
        long overlap = overlap(overlapSeconds);
        Instant now = ApiKeys.now(clock);
        Rotation rotation = jdbc.inTransaction("rotate API key", c -> {
            ApiKeyInfo old = ApiKeys.find(c, tenantId, keyId).orElseThrow(ApiKeyException::notFound);
            refuseUnlessRotatable(old, now);
            IssuedApiKey successor = ApiKeys.insert(c, tenantId, old.spec(), now, successorExpiry(old, now),
                    keyId);
            Instant endsAt = now.plusSeconds(overlap);
            if (old.expiresAt() != null && old.expiresAt().isBefore(endsAt)) {
                endsAt = old.expiresAt();
            }
            // The conditions repeat the checks above, so of two concurrent rotations exactly one wins.
            int rows = Jdbc.update(c, "update api_keys set rotated_to = ?, expires_at = ? where tenant_id = ?"
                    + " and id = ? and rotated_to is null and revoked_at is null", successor.id(), endsAt, tenantId,
                    keyId);
            if (rows != 1) {
                throw ApiKeyException.conflict("The key was rotated or revoked meanwhile.");
            }
            return new Rotation(successor, endsAt);
        });
        overlapEnds.schedule(revocations, identity, tenantId, keyId, ApiKeys.now(clock), rotation.previousEndsAt());
        return rotation;
    }

    @PreDestroy
    void stop() {
        overlapEnds.close();
    }

    private long overlap(Long requested) {
        if (requested == null) {
            return config.defaultOverlapSeconds();
        }
        if (requested < 0 || requested > config.maxOverlapSeconds()) {
            throw ApiKeyException.invalid("overlapSeconds", "is 0 (the old key ends now) to "
                    + config.maxOverlapSeconds());
        }
        return requested;
    }

    private static void refuseUnlessRotatable(ApiKeyInfo key, Instant now) {
        if (key.rotatedTo() != null) {
            throw ApiKeyException.conflict("The key was rotated already; rotate its successor " + key.rotatedTo()
                    + " instead.");
        }
        if (key.status(now) != ApiKeyInfo.Status.ACTIVE) {
            throw ApiKeyException.conflict("The key is " + key.status(now).name().toLowerCase(Locale.ROOT)
                    + "; issue a new one instead.");
        }
    }

    /** The old key's lifetime again, within today's maximum; a key that never expired keeps not expiring if allowed. */
    private Instant successorExpiry(ApiKeyInfo old, Instant now) {
        Duration max = Duration.ofDays(config.maxLifetimeDays());
        if (old.expiresAt() == null) {
            return config.allowNonExpiring() ? null : now.plus(Duration.ofDays(config.defaultLifetimeDays()));
        }
        Duration lifetime = Duration.between(old.createdAt(), old.expiresAt());
        return now.plus(lifetime.compareTo(max) > 0 ? max : lifetime);
    }
}
