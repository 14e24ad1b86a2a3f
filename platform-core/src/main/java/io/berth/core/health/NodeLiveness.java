package io.berth.core.health;

import io.berth.core.cluster.ClusterMember;
import io.berth.core.lifecycle.StartupSequence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while start-up has completed and the embedded cluster member still runs. A member that Hazelcast shut down
 * (say, after an out-of-memory error) leaves the node unable to enforce cluster-wide state: restart it. A database
 * outage is a readiness matter, not a reason to restart.
 */
@Liveness
@ApplicationScoped
public class NodeLiveness implements HealthCheck {

    @Inject
    StartupSequence startup;

    @Inject
    ClusterMember cluster;

    @Override
    public HealthCheckResponse call() {
        boolean started = startup.completed();
        boolean member = cluster.memberCount() > 0;
        return HealthCheckResponse.named("node")
                .status(started && member)
                .withData("started", started)
                .withData("clusterMember", member)
                .build();
    }
}
