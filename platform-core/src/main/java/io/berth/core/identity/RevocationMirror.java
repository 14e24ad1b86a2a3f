package io.berth.core.identity;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.MapEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.map.listener.MapClearedListener;
import com.hazelcast.map.listener.MapEvictedListener;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's copy of the cluster's revocation map, kept by an entry listener, so a check is two hash lookups in local
 * memory. Per kind, tenant → handle → expiry (epoch ms): lookups need no key string to be built.
 *
 * <p>Map keys are {@code <kind>:<tenant>:<handle>}; a tenant id has no colon, so the split is unambiguous whatever the
 * handle holds.
 */
final class RevocationMirror implements EntryAddedListener<String, Long>, EntryUpdatedListener<String, Long>,
        EntryRemovedListener<String, Long>, EntryExpiredListener<String, Long>, EntryEvictedListener<String, Long>,
        MapClearedListener, MapEvictedListener {

    static final String TOKEN = "token";
    static final String CLIENT = "client";

    private final Map<String, Map<String, Long>> tokens = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> clients = new ConcurrentHashMap<>();
    private final Runnable onCleared;

    RevocationMirror(Runnable onCleared) {
        this.onCleared = onCleared;
    }

    static String key(String kind, String tenant, String handle) {
        return kind + ':' + tenant + ':' + handle;
    }

    boolean tokenRevoked(String tenant, String jti) {
        Map<String, Long> t = tokens.get(tenant);
        return t != null && t.containsKey(jti);
    }

    boolean clientRevoked(String tenant, String clientId) {
        Map<String, Long> c = clients.get(tenant);
        return c != null && c.containsKey(clientId);
    }

    int size() {
        int n = 0;
        for (Map<String, Long> m : tokens.values()) {
            n += m.size();
        }
        for (Map<String, Long> m : clients.values()) {
            n += m.size();
        }
        return n;
    }

    void put(String key, Long expiresAtMillis) {
        String[] parts = key.split(":", 3);
        Map<String, Map<String, Long>> kind = kind(parts);
        if (kind != null) {
            kind.computeIfAbsent(parts[1], t -> new ConcurrentHashMap<>()).put(parts[2],
                    expiresAtMillis == null ? Long.MAX_VALUE : expiresAtMillis);
        }
    }

    void remove(String key) {
        String[] parts = key.split(":", 3);
        Map<String, Map<String, Long>> kind = kind(parts);
        if (kind != null) {
            Map<String, Long> perTenant = kind.get(parts[1]);
            if (perTenant != null) {
                perTenant.remove(parts[2]);
            }
        }
    }

    /** Forgets entries whose expiry has passed (the map's own expiry events normally do this first). */
    void sweep(long nowMillis) {
        for (Map<String, Map<String, Long>> kind : java.util.List.of(tokens, clients)) {
            kind.values().forEach(m -> m.values().removeIf(exp -> exp < nowMillis));
        }
    }

    void clear() {
        tokens.clear();
        clients.clear();
    }

    private Map<String, Map<String, Long>> kind(String[] parts) {
        if (parts.length != 3) {
            return null;
        }
        return switch (parts[0]) {
            case TOKEN -> tokens;
            case CLIENT -> clients;
            default -> null;
        };
    }

    @Override
    public void entryAdded(EntryEvent<String, Long> event) {
        put(event.getKey(), event.getValue());
    }

    @Override
    public void entryUpdated(EntryEvent<String, Long> event) {
        put(event.getKey(), event.getValue());
    }

    @Override
    public void entryRemoved(EntryEvent<String, Long> event) {
        remove(event.getKey());
    }

    @Override
    public void entryExpired(EntryEvent<String, Long> event) {
        remove(event.getKey());
    }

    @Override
    public void entryEvicted(EntryEvent<String, Long> event) {
        remove(event.getKey());
    }

    @Override
    public void mapCleared(MapEvent event) {
        onCleared.run();
    }

    @Override
    public void mapEvicted(MapEvent event) {
        onCleared.run();
    }
}
