package io.berth.core.cluster;

import com.hazelcast.config.Config;

/**
 * Lets a feature configure the Hazelcast structures it owns (map TTLs, near caches) before the member starts, so the
 * cluster package stays ignorant of what the features keep in it.
 */
public interface ClusterContribution {

    void contribute(Config config);
}
