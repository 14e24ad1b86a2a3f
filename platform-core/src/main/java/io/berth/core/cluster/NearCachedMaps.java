package io.berth.core.cluster;

import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.NearCacheConfig;

/**
 * The configuration of a map read on the hot path: a near cache on every member, invalidated on every change (with
 * batching off, see {@link ClusterMember}), local entries cached too, LRU-bounded; one backup.
 */
public final class NearCachedMaps {

    private NearCachedMaps() {
    }

    public static MapConfig config(String name, int maxCachedEntries) {
        NearCacheConfig nearCache = new NearCacheConfig(name)
                .setInvalidateOnChange(true)
                .setCacheLocalEntries(true)
                .setInMemoryFormat(InMemoryFormat.OBJECT)
                .setEvictionConfig(new EvictionConfig()
                        .setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
                        .setSize(maxCachedEntries));
        return new MapConfig(name).setBackupCount(1).setNearCacheConfig(nearCache);
    }
}
