package io.berth.core.plugin.verify;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Prints how long verifying large real JARs takes (Hazelcast, about 21 MB and 12,000 entries; Flyway, under 1 MB).
 * It asserts nothing about time, which depends on the machine: the numbers are for reading in the build log. Both
 * JARs are refused, which is expected: they are libraries, not plugins, and use files, threads and reflection.
 */
class VerifyTimingTest {

    private static final ArchiveLimits GENEROUS = new ArchiveLimits(64L << 20, 50_000, 256L << 20, 1_000, 1 << 20);

    @Test
    void printsVerifyTimeForMultiMegabyteJars() throws IOException, URISyntaxException {
        measure(jarOf(com.hazelcast.core.Hazelcast.class), 3);
        measure(jarOf(org.flywaydb.core.Flyway.class), 5);
    }

    private static void measure(Path jar, int runs) throws IOException {
        byte[] bytes = Files.readAllBytes(jar);
        PluginVerifier verifier = new PluginVerifier(GENEROUS);
        Verification first = verifier.verify(bytes); // warm-up
        long best = Long.MAX_VALUE;
        long total = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            verifier.verify(bytes);
            long took = System.nanoTime() - start;
            best = Math.min(best, took);
            total += took;
        }
        int violations = first instanceof Verification.Rejected r ? r.violations().size() : 0;
        System.out.printf("verify %s (%.1f MB): best %d ms, mean %d ms over %d runs; %s, %d%s violations listed%n",
                jar.getFileName(), bytes.length / 1e6, best / 1_000_000, total / runs / 1_000_000, runs,
                first instanceof Verification.Accepted ? "accepted" : "rejected", violations,
                first instanceof Verification.Rejected r && r.truncated() ? "+ (truncated)" : "");
    }

    private static Path jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
