package io.berth.core.identity;

import io.berth.core.cluster.ClusterMember;
import io.berth.core.cluster.TestClusterMembers;
import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Micro-benchmark (a main, not a test): the cost of {@link TokenVerifier#verify} for a Berth-issued token with warm
 * caches (the hot path: SHA-256 of the token, cache lookup, expiry, revocation check in the local mirror), and for
 * comparison the full verification of a token not seen before (parse, ES256 signature, claims). Target: warm p50
 * at most 100 µs. Run with the command in docs/adr/0006-identity.md.
 */
public final class VerifyBenchmark {

    private VerifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int cold = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Jdbc jdbc = MigratedH2.create();
        ClusterMember member = TestClusterMembers.start("bench-" + UUID.randomUUID(), List.of());
        try {
            IdentityNode.createTenant(jdbc, "acme");
            IdentityNode node = new IdentityNode(jdbc, member, new MutableClock()).start();
            // Revocations exist (other tokens of the tenant, another key) so the lookups hit populated maps.
            for (int i = 0; i < 1_000; i++) {
                node.revocations.revoke("acme", "other-" + i, java.time.Instant.now().plusSeconds(900));
            }
            String token = node.token(node.apiKey("acme", "crm.read", "crm.write", "files"));
            TokenVerifier verifier = node.verifier;
            check(verifier.verify("acme", token));

            for (int i = 0; i < warm; i++) {
                check(verifier.verify("acme", token));
            }
            long[] warmNanos = new long[warm];
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < warm; i++) {
                long t0 = System.nanoTime();
                Verification v = verifier.verify("acme", token);
                warmNanos[i] = System.nanoTime() - t0;
                if (!(v instanceof VerifiedToken)) {
                    throw new IllegalStateException("refused: " + v);
                }
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            report("warm (cached, revocation checked)", warmNanos);
            System.out.printf("  allocation: %.0f bytes per verify (incl. the nanoTime loop)%n",
                    (double) allocated / warm);

            for (int i = 0; i < cold / 4; i++) {
                verifier.clearCache();
                check(verifier.verify("acme", token));
            }
            long[] coldNanos = new long[cold];
            for (int i = 0; i < cold; i++) {
                verifier.clearCache();
                long t0 = System.nanoTime();
                Verification v = verifier.verify("acme", token);
                coldNanos[i] = System.nanoTime() - t0;
                check(v);
            }
            report("cold (full: parse, ES256 signature, claims)", coldNanos);
        } finally {
            TestClusterMembers.stop(member);
            MigratedH2.shutdown(jdbc);
        }
    }

    private static void check(Verification v) {
        if (!(v instanceof VerifiedToken)) {
            throw new IllegalStateException("refused: " + v);
        }
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("VERIFY %s over %d calls: p50 %.2f µs, p99 %.2f µs, p99.9 %.2f µs%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3,
                sorted[(int) (sorted.length * 0.999)] / 1e3);
    }
}
