package io.berth.core.cluster;

import jakarta.enterprise.inject.Instance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;

/**
 * Real embedded Hazelcast members for unit tests: on 127.0.0.1, a free port and a cluster name of the test's own, so
 * that tests running at the same time never join each other. Shut them down with {@link ClusterMember#leave()}
 * through {@link #stop(ClusterMember)}.
 */
public final class TestClusterMembers {

    private TestClusterMembers() {
    }

    /** A started member of cluster {@code name}, joining {@code others} ("host:port") if any. */
    public static ClusterMember start(String name, List<String> others) {
        return start(name, others, List.of());
    }

    /** A member whose configuration has {@code contributions} (near caches, map settings), as CDI would give it. */
    public static ClusterMember start(String name, List<String> others, List<ClusterContribution> contributions) {
        ClusterConfig config = new ClusterConfig();
        config.name = name;
        config.bindAddress = "127.0.0.1";
        config.port = freePort();
        config.members = Optional.of(String.join(",", others));
        ClusterMember member = new ClusterMember();
        member.config = config;
        member.contributions = contributions(contributions);
        member.start();
        return member;
    }

    public static String address(ClusterMember member) {
        return member.config.bindAddress() + ":" + member.config.port();
    }

    public static void stop(ClusterMember member) {
        if (member != null) {
            member.leave();
        }
    }

    @SuppressWarnings("unchecked")
    private static Instance<ClusterContribution> contributions(List<ClusterContribution> all) {
        return (Instance<ClusterContribution>) Proxy.newProxyInstance(TestClusterMembers.class.getClassLoader(),
                new Class<?>[] {Instance.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "iterator" -> all.iterator();
                    case "forEach" -> {
                        all.forEach((java.util.function.Consumer<? super ClusterContribution>) args[0]);
                        yield null;
                    }
                    case "toString" -> "contributions " + all;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
