package io.berth.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Berth servers the build started for this test run, as described by Failsafe system properties: their loopback
 * HTTP base URLs ({@code berth.it.nodes}, first is node A), the database kind, data and log directories.
 */
final class BerthNodes {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static volatile boolean ready;

    private BerthNodes() {
    }

    static List<URI> all() {
        return Arrays.stream(required("berth.it.nodes").split(",")).map(String::strip).map(URI::create).toList();
    }

    static URI nodeA() {
        return all().get(0);
    }

    static URI nodeB() {
        List<URI> nodes = all();
        if (nodes.size() < 2) {
            throw new IllegalStateException("This scenario needs two nodes; berth.it.nodes names " + nodes.size());
        }
        return nodes.get(1);
    }

    static URI https() {
        return URI.create(required("berth.it.https"));
    }

    static String database() {
        return required("berth.it.db");
    }

    /** The Liberty log directories of the nodes. */
    static List<Path> logDirs() {
        return Arrays.stream(required("berth.it.logDirs").split(",")).map(String::strip).map(Path::of).toList();
    }

    /** The data directories of the nodes, where they are known (the first-start scenarios read them). */
    static List<Path> dataDirs() {
        String dirs = System.getProperty("berth.it.dataDirs", "");
        return Arrays.stream(dirs.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }

    /** The operator token: configured for the run, or the one a node generated at first start. */
    static String operatorToken() {
        String configured = System.getProperty("berth.it.operatorToken");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Matcher m = Pattern.compile("(berth_op_[A-Za-z0-9_-]+)").matcher(initialCredentials());
        if (!m.find()) {
            throw new IllegalStateException("No operator token in the first-start credentials file");
        }
        return m.group(1);
    }

    /** The first-start credentials file of whichever node bootstrapped the installation. */
    static String initialCredentials() {
        for (Path dir : dataDirs()) {
            Path file = dir.resolve("initial-credentials.txt");
            if (Files.exists(file)) {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("No initial-credentials.txt in " + dataDirs());
    }

    /** Waits until every node reports ready: liberty:start returns before the application has started. */
    static synchronized void awaitReady() {
        if (ready) {
            return;
        }
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        for (URI node : all()) {
            while (true) {
                try {
                    if (Http.get(node.resolve("/health/ready")).status() == 200) {
                        break;
                    }
                } catch (RuntimeException notYet) {
                    // connection refused while the server starts
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(node + " did not become ready within " + READY_TIMEOUT);
                }
                sleep(250);
            }
        }
        ready = true;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run through Failsafe");
        }
        return v;
    }
}
