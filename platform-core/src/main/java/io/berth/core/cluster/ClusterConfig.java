package io.berth.core.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code berth.cluster.*} settings (see microprofile-config.properties for their meaning). */
@ApplicationScoped
public class ClusterConfig {

    @Inject
    @ConfigProperty(name = "berth.cluster.name")
    String name;

    @Inject
    @ConfigProperty(name = "berth.cluster.bind-address")
    String bindAddress;

    @Inject
    @ConfigProperty(name = "berth.cluster.port")
    int port;

    @Inject
    @ConfigProperty(name = "berth.cluster.members")
    Optional<String> members;

    public String name() {
        return name;
    }

    public String bindAddress() {
        return bindAddress;
    }

    public int port() {
        return port;
    }

    /** The other members to join, as host:port; empty when this node runs alone. */
    public List<String> members() {
        return Arrays.stream(members.orElse("").split(","))
                .map(String::strip)
                .filter(m -> !m.isEmpty())
                .toList();
    }
}
