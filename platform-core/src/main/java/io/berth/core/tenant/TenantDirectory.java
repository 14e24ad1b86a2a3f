package io.berth.core.tenant;

import com.hazelcast.config.Config;
import com.hazelcast.map.IMap;

import io.berth.core.cluster.ClusterContribution;
import io.berth.core.cluster.ClusterMember;
import io.berth.core.cluster.NearCachedMaps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Answers "is this tenant served?", "may agents without a token call it?" and "may this browser origin call it?" on
 * every node, without a database round trip on the hot path.
 *
 * <p>Tenant status (and, in maps of their own, the agent access policy and the CORS allow-list) lives in a Hazelcast map with a near cache on each
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
    /** The browser origins a tenant allows ({@link AllowedOrigins}); absent: not cached yet, empty array: none. */
    static final String ORIGINS_MAP = "berth.tenant-cors-origins";
    private static final String[] NO_ORIGINS = new String[0];
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

    // Loaders as fields: the hot path then allocates no lambda per lookup.
    private final Function<String, Optional<String>> statusLoader = id -> repository.find(id)
            .map(t -> t.status().wire());
    private final Function<String, Optional<Boolean>> accessLoader = id -> repository.agentAccess(id)
            .map(AgentAccess::anonymousAgents);
    private final Function<String, Optional<String[]>> originsLoader = id -> repository.allowedOrigins(id)
            .map(a -> a.origins().toArray(NO_ORIGINS));

    @Override
    public void contribute(Config config) {
        config.addMapConfig(NearCachedMaps.config(MAP, 10_000));
        config.addMapConfig(NearCachedMaps.config(ACCESS_MAP, 10_000));
        config.addMapConfig(NearCachedMaps.config(ORIGINS_MAP, 10_000));
    }

    /** The tenant's status, or empty when no such tenant exists (unknown ids are remembered briefly). */
    public Optional<TenantStatus> status(String tenantId) {
        return TenantStatus.fromWire(cached(map(), tenantId, statusLoader, UNKNOWN));
    }

    /**
     * Whether the tenant serves agents that present no token (false for unknown tenants). Asked on every agent request
     * without a token, so it is answered like {@link #status}: from the near cache, loaded and published on a miss.
     */
    public boolean anonymousAgentsAllowed(String tenantId) {
        return cached(accessMap(), tenantId, accessLoader, Boolean.FALSE);
    }

    /**
     * Whether {@code origin} (a browser's {@code Origin} header, compared exactly) is on the tenant's CORS allow-list
     * (false for unknown tenants). Asked on agent requests that carry an {@code Origin}, answered like {@link #status}.
     * An unknown tenant is answered from its status, which the gate has just cached, so requests for unknown ids do
     * not fill a second map (nor load from the database twice).
     */
    public boolean originAllowed(String tenantId, String origin) {
        if (status(tenantId).isEmpty()) {
            return false;
        }
        for (String allowed : cached(originsMap(), tenantId, originsLoader, NO_ORIGINS)) {
            if (allowed.equals(origin)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The near-cached value, or on a miss the stored one ({@code absent} for an unknown tenant, remembered briefly)
     * published with {@code putIfAbsent}, so a slow reader never overwrites a newer value another node has written.
     */
    private <V> V cached(IMap<String, V> map, String tenantId, Function<String, Optional<V>> loader, V absent) {
        V cached = map.get(tenantId);
        if (cached == null) {
            Optional<V> stored = loader.apply(tenantId);
            V loaded = stored.orElse(absent);
            V raced = map.putIfAbsent(tenantId, loaded, stored.isPresent() ? ttlSeconds : unknownTtlSeconds,
                    TimeUnit.SECONDS);
            cached = raced != null ? raced : loaded;
        }
        return cached;
    }

    /** Publishes a CORS allow-list just committed to the database (or the empty one of a new tenant). */
    void publishAllowedOrigins(String tenantId, List<String> origins) {
        originsMap().set(tenantId, origins.toArray(NO_ORIGINS), ttlSeconds, TimeUnit.SECONDS);
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
        originsMap().set(tenantId, NO_ORIGINS, ttlSeconds, TimeUnit.SECONDS);
    }

    private IMap<String, String> map() {
        return cluster.hazelcast().getMap(MAP);
    }

    private IMap<String, Boolean> accessMap() {
        return cluster.hazelcast().getMap(ACCESS_MAP);
    }

    private IMap<String, String[]> originsMap() {
        return cluster.hazelcast().getMap(ORIGINS_MAP);
    }
}
