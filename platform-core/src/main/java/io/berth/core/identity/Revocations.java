package io.berth.core.identity;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.map.IMap;

import io.berth.core.cluster.ClusterMember;
import io.berth.core.storage.Jdbc;
import io.berth.core.tenant.TenantDeleting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Revoked access tokens and API keys, refused on every node within milliseconds and checked on every request without a
 * network hop.
 *
 * <p>The set lives in the Hazelcast IMap {@value #MAP} (key {@code <kind>:<tenant>:<handle>}, value the expiry in epoch
 * ms, per-entry TTL up to that expiry plus the clock skew), and every node mirrors it into local hash maps through an
 * entry listener ({@link RevocationMirror}). A revocation is first written to the database, so it survives a restart
 * of the whole cluster: {@link #start()} re-publishes unexpired rows. A node resynchronises from the map when members
 * join or leave (an event in flight to a member that left may be lost) and from the database when the map is cleared.
 *
 * <p>Revoking an API key also marks it revoked in {@code api_keys} (so no new token is issued for it) and refuses every
 * token issued to it for the longest time such a token can live.
 */
@ApplicationScoped
public class Revocations {

    static final String MAP = "berth.identity-revocations";
    private static final Logger LOG = Logger.getLogger(Revocations.class.getName());

    @Inject
    ClusterMember cluster;

    @Inject
    Jdbc jdbc;

    @Inject
    IdentityConfig config;

    Clock clock = Clock.systemUTC();

    private final RevocationMirror mirror = new RevocationMirror(() -> offEventThread(this::republishFromDatabase));
    private volatile boolean started;

    /** Subscribes this node and fills its mirror. Call once at start-up, after the cluster member has started. */
    public synchronized void start() {
        if (started) {
            return;
        }
        IMap<String, Long> map = map();
        // Listen first, then copy: an entry added in between arrives twice, never not at all.
        map.addEntryListener(mirror, true);
        cluster.hazelcast().getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                offEventThread(Revocations.this::resync);
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                offEventThread(Revocations.this::resync);
            }
        });
        republishFromDatabase();
        started = true;
    }

    /** Revokes one token of a tenant until {@code expiresAt} (null: unknown, kept {@code unknown-expiry-seconds}). */
    public void revoke(String tenant, String jti, Instant expiresAt) {
        if (jti == null || jti.isEmpty() || jti.length() > 200) {
            throw new IllegalArgumentException("jti: 1 to 200 characters");
        }
        Instant until = expiresAt != null ? expiresAt : clock.instant().plusSeconds(config.unknownExpirySeconds());
        publish(RevocationMirror.TOKEN, tenant, jti, until);
    }

    /**
     * Revokes an API key: no new token is issued for it, and every token issued to it is refused at once on every node.
     * False when the tenant has no such key.
     */
    public boolean revokeClient(String tenant, String keyId) {
        Instant now = clock.instant();
        int rows = jdbc.update("revoke API key", "update api_keys set revoked_at = coalesce(revoked_at, ?)"
                + " where tenant_id = ? and id = ?", now, tenant, keyId);
        if (rows == 0) {
            return false;
        }
        revokeTokensOf(tenant, keyId);
        return true;
    }

    /**
     * Refuses every token issued to an API key, at once on every node, leaving the key's row alone (a rotated key whose
     * overlap window has ended is expired, not revoked).
     */
    public void revokeTokensOf(String tenant, String keyId) {
        // Tokens issued just before the key stopped working live at most this long.
        publish(RevocationMirror.CLIENT, tenant, keyId,
                clock.instant().plusSeconds(config.tokenLifetimeSeconds() + config.clockSkewSeconds()));
    }

    /**
     * A tenant is being deleted: every token issued to its API keys is refused on every node until it would have
     * expired, so an id taken again by a new tenant never honours the old tenant's tokens. (The database copy goes
     * with the tenant's rows; the cluster map keeps the refusals for their lifetime.)
     */
    void tenantDeleting(@Observes TenantDeleting event) {
        String tenant = event.tenantId();
        for (String keyId : jdbc.query("keys of a tenant being deleted", "select id from api_keys where tenant_id = ?",
                r -> r.getString(1), tenant)) {
            revokeTokensOf(tenant, keyId);
        }
    }

    /** True when this token was revoked: a local lookup, no network hop. */
    public boolean tokenRevoked(String tenant, String jti) {
        return mirror.tokenRevoked(tenant, jti);
    }

    /** True when tokens of this client (API key id) are refused: a local lookup, no network hop. */
    public boolean clientRevoked(String tenant, String clientId) {
        return mirror.clientRevoked(tenant, clientId);
    }

    /** Rebuilds this node's mirror from the cluster map (adds what it missed, forgets what has expired). */
    public void resync() {
        try {
            for (Map.Entry<String, Long> e : map().entrySet()) {
                mirror.put(e.getKey(), e.getValue());
            }
            // A token is accepted up to the clock skew after its expiry, so its revocation must last as long.
            mirror.sweep(clock.millis() - config.clockSkewSeconds() * 1000L);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Revocations could not be resynchronised from the cluster", e);
        }
    }

    int mirroredEntries() {
        return mirror.size();
    }

    private void publish(String kind, String tenant, String handle, Instant expiresAt) {
        Instant now = clock.instant();
        try {
            jdbc.update("record revocation", "insert into token_revocations (tenant_id, kind, handle, expires_at,"
                    + " revoked_at) values (?, ?, ?, ?, ?)", tenant, kind, handle, expiresAt, now);
        } catch (RuntimeException e) {
            if (!Jdbc.isUniqueViolation(e)) {
                throw e;
            }
            jdbc.update("extend revocation", "update token_revocations set expires_at = ? where tenant_id = ?"
                    + " and kind = ? and handle = ? and expires_at < ?", expiresAt, tenant, kind, handle, expiresAt);
        }
        String key = RevocationMirror.key(kind, tenant, handle);
        long expires = expiresAt.toEpochMilli();
        // This node refuses at once, whatever the listener's latency.
        mirror.put(key, expires);
        map().set(key, expires, ttlMillis(expiresAt, now), TimeUnit.MILLISECONDS);
    }

    /** Puts every unexpired stored revocation into the map (without shortening any) and deletes the expired ones. */
    private void republishFromDatabase() {
        Instant now = clock.instant();
        try {
            jdbc.update("forget expired revocations", "delete from token_revocations where expires_at < ?",
                    now.minusSeconds(config.clockSkewSeconds()));
            List<Object[]> rows = jdbc.query("load revocations", "select tenant_id, kind, handle, expires_at"
                    + " from token_revocations", r -> new Object[] {
                            RevocationMirror.key(r.getString("kind"), r.getString("tenant_id"), r.getString("handle")),
                            Jdbc.instant(r, "expires_at")});
            IMap<String, Long> map = map();
            for (Object[] row : rows) {
                Instant expires = (Instant) row[1];
                map.putIfAbsent((String) row[0], expires.toEpochMilli(), ttlMillis(expires, now),
                        TimeUnit.MILLISECONDS);
                mirror.put((String) row[0], expires.toEpochMilli());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Stored revocations could not be re-published", e);
            if (!started) {
                throw e;
            }
        }
        resync();
    }

    /** Listener callbacks run on Hazelcast's event threads, which must not block on cluster or database calls. */
    private static void offEventThread(Runnable work) {
        Thread t = new Thread(work, "berth-revocations-resync");
        t.setDaemon(true);
        t.start();
    }

    private long ttlMillis(Instant expiresAt, Instant now) {
        return Math.max(1_000L, expiresAt.toEpochMilli() - now.toEpochMilli() + config.clockSkewSeconds() * 1000L);
    }

    private IMap<String, Long> map() {
        return cluster.hazelcast().getMap(MAP);
    }
}
