package io.berth.core.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cluster.ClusterState;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * This node's embedded Hazelcast member: started once at application start, left cleanly at shutdown so the other
 * members re-balance at once instead of waiting for a heartbeat time-out.
 */
@ApplicationScoped
public class ClusterMember {

    private static final Logger LOG = Logger.getLogger(ClusterMember.class.getName());

    @Inject
    ClusterConfig config;

    @Inject
    Instance<ClusterContribution> contributions;

    private volatile HazelcastInstance hazelcast;

    public synchronized void start() {
        if (hazelcast != null) {
            return;
        }
        hazelcast = Hazelcast.newHazelcastInstance(memberConfig());
        LOG.info(() -> "Joined cluster '" + config.name() + "' with " + hazelcast.getCluster().getMembers().size()
                + " member(s)");
    }

    public HazelcastInstance hazelcast() {
        HazelcastInstance h = hazelcast;
        if (h == null) {
            throw new IllegalStateException("The cluster member has not started");
        }
        return h;
    }

    /** True while this member runs and the cluster accepts reads and writes. */
    public boolean healthy() {
        HazelcastInstance h = hazelcast;
        return h != null && h.getLifecycleService().isRunning()
                && h.getCluster().getClusterState() == ClusterState.ACTIVE;
    }

    public int memberCount() {
        HazelcastInstance h = hazelcast;
        return h == null || !h.getLifecycleService().isRunning() ? 0 : h.getCluster().getMembers().size();
    }

    @PreDestroy
    synchronized void leave() {
        if (hazelcast != null) {
            hazelcast.shutdown();
            hazelcast = null;
        }
    }

    private Config memberConfig() {
        Config c = new Config();
        c.setClusterName(config.name());
        c.setInstanceName("berth-" + config.bindAddress() + "-" + config.port());
        c.setClassLoader(getClass().getClassLoader());
        // Invalidate near caches on every change at once rather than in batches: a suspended tenant must be refused
        // on every node within milliseconds.
        c.setProperty("hazelcast.map.invalidation.batch.enabled", "false");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "jdk");
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        // Listen on the configured interface only (the default binds every interface, whatever the interfaces say).
        c.setProperty("hazelcast.socket.bind.any", "false");
        // An empty member list means a single node: do not spend time looking for others.
        c.setProperty("hazelcast.max.join.seconds", config.members().isEmpty() ? "1" : "10");

        var network = c.getNetworkConfig();
        network.setPort(config.port()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface(config.bindAddress());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(config.members());
        c.getJetConfig().setEnabled(false);
        contributions.forEach(contribution -> contribution.contribute(c));
        return c;
    }
}
