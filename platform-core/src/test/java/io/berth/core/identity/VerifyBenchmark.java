package io.berth.core.identity;

import io.berth.core.cluster.ClusterMember;
import io.berth.core.cluster.TestClusterMembers;
import io.berth.core.mcp.AgentChecks;
import io.berth.core.plugin.TestCatalogs;
import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;
import io.berth.core.tenant.TenantDirectory;
import io.berth.core.tenant.TestTenantDirectories;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolResult;

import jakarta.json.JsonObject;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Micro-benchmark (a main, not a test): the cost of {@link TokenVerifier#verify} for a Berth-issued token with warm
 * caches (the hot path: SHA-256 of the token, cache lookup, expiry, revocation check in the local mirror), and for
 * comparison the full verification of a token not seen before (parse, ES256 signature, claims). Then the whole agent
 * check of an MCP request ({@link AgentChecks}): the tenant gate's status lookup, {@code AgentAuthentication} (the
 * {@code Authorization} header, the warm verification with its revocation check, or the tenant's anonymous-agent
 * policy) and the access decision of a {@code tools/call} and of a {@code tools/list} over {@value #TOOLS} tools.
 * Target: p50 at most 100 µs for authentication with authorization. Run with the command in docs/benchmarks.md ("Identity").
 */
public final class VerifyBenchmark {

    static final int TOOLS = 50;
    /** Tool {@code i} needs {@code SCOPES[i % 5]}: a fifth need nothing, a fifth a scope the narrow token lacks. */
    private static final String[][] SCOPES = {{}, {"crm.read"}, {"crm.write"}, {"files"}, {"mail.send"}};

    private VerifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int cold = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Jdbc jdbc = MigratedH2.create();
        TenantDirectory tenants = TestTenantDirectories.over(jdbc);
        ClusterMember member = TestClusterMembers.start("bench-" + UUID.randomUUID(), List.of(), List.of(tenants));
        TestTenantDirectories.attach(tenants, member);
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

            measure("VERIFY warm (cached, revocation checked)", warm, () -> {
                check(verifier.verify("acme", token));
                return 1;
            });

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
            report("VERIFY cold (full: parse, ES256 signature, claims)", coldNanos);

            agentChecks(node, tenants, token, node.token(node.apiKey("acme", "crm", "files", "mail")), warm);
        } finally {
            TestClusterMembers.stop(member);
            MigratedH2.shutdown(jdbc);
        }
    }

    /**
     * The whole agent check per call, for a token lacking one scope the tenant's tools use (tools/list filters), for a
     * token holding every scope (the fast path) and for an anonymous agent (the tenant allows them).
     */
    private static void agentChecks(IdentityNode node, TenantDirectory tenants, String narrow, String everything,
                                    int calls) throws Exception {
        List<Tool> tools = new ArrayList<>();
        for (int i = 0; i < TOOLS; i++) {
            tools.add(Tool.builder(String.format("tool_%02d", i)).description("d").scopes(SCOPES[i % SCOPES.length])
                    .handler((call, context) -> ToolResult.text("x")).build());
        }
        node.jdbc.update("anonymous agents", "update tenants set settings = ? where id = ?",
                "{\"anonymousAgents\":true}", "acme");
        AgentChecks checks = new AgentChecks("acme", node.verifier, tenants, node.uris,
                TestCatalogs.of("acme", tools, List.of(), List.of(), List.of()));
        JsonObject call = AgentChecks.call("tool_01");
        JsonObject openCall = AgentChecks.call("tool_00");
        String[][] agents = {{"token lacking one scope", "Bearer " + narrow, "tool_01"},
                {"token with every scope", "Bearer " + everything, "tool_01"}, {"anonymous", null, "tool_00"}};
        for (String[] agent : agents) {
            jakarta.servlet.http.HttpServletRequest request = AgentChecks.request(agent[1]);
            JsonObject params = agent[1] == null ? openCall : call;
            measure("AGENT CHECK tools/call, " + agent[0], calls, () -> {
                checks.callable(params, checks.authenticate(request));
                return 1;
            });
            measure("AGENT CHECK tools/list of " + TOOLS + ", " + agent[0] + " (sees "
                    + checks.listed(checks.authenticate(request)) + ")", calls,
                    () -> checks.listed(checks.authenticate(request)));
        }
    }

    @FunctionalInterface
    private interface Check {
        int run() throws Exception;
    }

    private static void measure(String what, int calls, Check check) throws Exception {
        int sink = 0;
        for (int i = 0; i < calls; i++) {
            sink += check.run();
        }
        long[] nanos = new long[calls];
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            sink += check.run();
            nanos[i] = System.nanoTime() - t0;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        report(what, nanos);
        System.out.printf("  allocation: %.0f bytes per call (incl. the nanoTime loop; for agent checks also the "
                + "request stub's header enumeration)%s%n", (double) allocated / calls, sink == 0 ? " " : "");
    }

    private static void check(Verification v) {
        if (!(v instanceof VerifiedToken)) {
            throw new IllegalStateException("refused: " + v);
        }
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s over %d calls: p50 %.2f µs, p99 %.2f µs, p99.9 %.2f µs%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3,
                sorted[(int) (sorted.length * 0.999)] / 1e3);
    }
}
