package io.berth.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one of the interop scripts in {@code target/node} (installed there by the build with npm ci). */
final class NodeScript {

    private static final long TIMEOUT_SECONDS = 90;

    private NodeScript() {
    }

    /** Runs {@code script args...} with node; returns the JSON object it printed as its last line. */
    static JsonObject run(String script, String... args) throws IOException, InterruptedException {
        return run(Map.of(), script, args);
    }

    /**
     * The same, with {@code environment} added to the script's environment: where credentials go, never on the
     * command line (other processes can read that).
     */
    static JsonObject run(Map<String, String> environment, String script, String... args)
            throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("berth.it.nodeDir", "target/node"));
        if (!Files.isDirectory(dir.resolve("node_modules"))) {
            throw new IllegalStateException("No node_modules in " + dir.toAbsolutePath() + ": the build installs "
                    + "them with npm ci in pre-integration-test");
        }
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile("node-", ".err");
        Path stdoutFile = Files.createTempFile("node-", ".out");
        // Output goes to files, so a hung script ends at the deadline instead of blocking a pipe read forever.
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(stderr.toFile()).redirectOutput(stdoutFile.toFile());
        builder.environment().putAll(environment);
        Process p = builder.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(script + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        String stdout = Files.readString(stdoutFile, StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0) {
            throw new AssertionError(script + " exited " + p.exitValue() + ": " + Files.readString(stderr)
                    + "\n" + stdout);
        }
        String last = stdout.substring(stdout.lastIndexOf('\n') + 1);
        try (var reader = Json.createReader(new StringReader(last))) {
            return reader.readObject();
        }
    }
}
