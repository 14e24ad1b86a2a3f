package io.berth.core.apikey;

import io.berth.core.identity.IdentityConfig;
import io.berth.core.identity.Revocations;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends the agent tokens of a rotated key when its overlap window ends, on every node. Tokens minted during the window
 * expire with the key (the token endpoint never lets one outlive it); only tokens minted before the rotation can
 * outlive a window shorter than their lifetime, so only then is a timer set. It lives on the rotating node: should
 * that node stop first, those tokens still expire within their lifetime.
 */
final class OverlapEnds implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OverlapEnds.class.getName());

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "berth-api-key-overlaps");
        t.setDaemon(true);
        return t;
    });

    /** Refuses the tokens of {@code keyId} from {@code endsAt} on (at once if that has passed). */
    void schedule(Revocations revocations, IdentityConfig identity, String tenantId, String keyId, Instant now,
                  Instant endsAt) {
        long delayMs = Duration.between(now, endsAt).toMillis();
        if (delayMs <= 0) {
            revocations.revokeTokensOf(tenantId, keyId);
            return;
        }
        if (delayMs > (identity.tokenLifetimeSeconds() + identity.clockSkewSeconds()) * 1000L) {
            return;
        }
        timer.schedule(() -> {
            try {
                revocations.revokeTokensOf(tenantId, keyId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Tokens of rotated API key " + keyId + " could not be revoked at the end of"
                        + " its overlap; they expire within their lifetime", e);
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
