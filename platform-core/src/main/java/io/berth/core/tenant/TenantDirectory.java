package io.berth.core.tenant;

import com.hazelcast.config.Config;
import com.hazelcast.map.IMap;

import io.berth.core.cluster.ClusterContribution;
import io.berth.core.cluster.ClusterMember;
import io.berth.core.cluster.NearCachedMaps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Answers "is this tenant served?" and "may agents without a token call it?" on every node, without a database round
 * trip on the hot path.
 *
 * <p>Tenant status (and, in a second map, the agent access policy) lives in a Hazelcast map with a near cache on each
 * member; the database stays the source of truth. A change is written to the database first, then {@code set} in the
 * map, which invalidates every node's near cache at once (batching is off, see {@link ClusterMember}). A miss loads
 * from the database and publishes with {@code putIfAbsent}, so a slow reader can never overwrite a newer value written
 * by another node. Entries expire so that a node dying between its database commit and its map write leaves a bounded
 * window, not a permanent one.
 */
@ApplicationScoped
public class TenantDirectory implements ClusterContribution {

    static final String MAP = "berth.tenant-status";
    /** Whether a tenant serves agents without a token ({@link AgentAccess}); absent: not cached yet. */
    static final String ACCESS_MAP = "berth.tenant-agent-access";
    private static final String UNKNOWN = "unknown";

    @Inject
    ClusterMember cluster;

    @Inject
    TenantRepository repository;

    @Inject
    @ConfigProperty(name = "berth.tenant.cache.ttl-seconds")
    long ttlSeconds;

    @Inject
    @ConfigProperty(name = "berth.tenant.cache.unknown-ttl-seconds")
    long unknownTtlSeconds;

    @Override
    public void contribute(Config config) {
        config.addMapConfig(NearCachedMaps.config(MAP, 10_000));
        config.addMapConfig(NearCachedMaps.config(ACCESS_MAP, 10_000));
    }

    /** The tenant's status, or empty when no such tenant exists (unknown ids are remembered briefly). */
    public Optional<TenantStatus> status(String tenantId) {
        IMap<String, String> map = map();
        String cached = map.get(tenantId);
        if (cached == null) {
            Optional<Tenant> stored = repository.find(tenantId);
            String loaded = stored.map(t -> t.status().wire()).orElse(UNKNOWN);
            long ttl = stored.isPresent() ? ttlSeconds : unknownTtlSeconds;
            String raced = map.putIfAbsent(tenantId, loaded, ttl, TimeUnit.SECONDS);
            cached = raced != null ? raced : loaded;
        }
        return TenantStatus.fromWire(cached);
    }

    /**
     * Whether the tenant serves agents that present no token (false for unknown tenants). Asked on every agent request
     * without a token, so it is answered like {@link #status}: from the near cache, loaded and published on a miss.
     */
    public boolean anonymousAgentsAllowed(String tenantId) {
        IMap<String, Boolean> map = accessMap();
        Boolean cached = map.get(tenantId);
        if (cached == null) {
            Optional<AgentAccess> stored = repository.agentAccess(tenantId);
            boolean loaded = stored.map(AgentAccess::anonymousAgents).orElse(false);
            Boolean raced = map.putIfAbsent(tenantId, loaded, stored.isPresent() ? ttlSeconds : unknownTtlSeconds,
                    TimeUnit.SECONDS);
            cached = raced != null ? raced : loaded;
        }
        return cached;
    }

    /** Publishes an agent access policy just committed to the database (or the default of a new tenant). */
    void publishAgentAccess(String tenantId, boolean anonymousAgents) {
        accessMap().set(tenantId, anonymousAgents, ttlSeconds, TimeUnit.SECONDS);
    }

    /** Publishes a status just committed to the database. */
    void publish(String tenantId, TenantStatus status) {
        map().set(tenantId, status.wire(), ttlSeconds, TimeUnit.SECONDS);
    }

    /** Publishes a deletion just committed to the database; a tenant created again with this id starts closed. */
    void forget(String tenantId) {
        map().set(tenantId, UNKNOWN, ttlSeconds, TimeUnit.SECONDS);
        accessMap().set(tenantId, false, ttlSeconds, TimeUnit.SECONDS);
    }

    private IMap<String, String> map() {
        return cluster.hazelcast().getMap(MAP);
    }

    private IMap<String, Boolean> accessMap() {
        return cluster.hazelcast().getMap(ACCESS_MAP);
    }
}
