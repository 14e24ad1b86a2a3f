package io.berth.core.plugin.worker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.berth.sdk.Tool;
import io.berth.sdk.ToolCall;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Shared fixture of the worker tests: the test plugin JAR, settings, and calls as PluginCalls makes them. */
final class Workers {

    private static Path jar;

    private Workers() {
    }

    static synchronized Path jar() {
        if (jar == null) {
            try {
                Path dir = Files.createTempDirectory("berth-test-plugin");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                jar = TestPluginJar.build(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jar;
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }

    static boolean bwrapInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/bwrap"));
    }

    /** Skips the test where bubblewrap is missing (./berth installs it, so CI runs these). */
    static void assumeSandbox() {
        assumeTrue(bwrapInstalled(), "bubblewrap (bwrap) is not installed");
    }

    /** The defaults, with a short cancel grace so time-out tests are quick. */
    static WorkerSettings sandboxed() {
        return WorkerSettings.defaults().toBuilder().heapMb(64).threads(8)
                .cancelGrace(java.time.Duration.ofMillis(300)).build();
    }

    static Tool tool(List<WorkerPlugin> plugins, String name) {
        return plugins.stream().flatMap(p -> p.tools().stream()).filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no tool " + name));
    }

    static ToolResult call(List<WorkerPlugin> plugins, String name, Map<String, Object> args) throws Exception {
        return call(plugins, name, args, new RecordingContext("t"));
    }

    static ToolResult call(List<WorkerPlugin> plugins, String name, Map<String, Object> args, ToolContext ctx)
            throws Exception {
        return tool(plugins, name).handler().call(new ToolCall(name, args), ctx);
    }

    static String text(ToolResult r) {
        return ((io.berth.sdk.Content.Text) r.content().get(0)).text();
    }

    /**
     * Runs {@code work} on its own thread and interrupts it after {@code millis}, as PluginCalls does on its time-out;
     * returns what the thread ended with once it has ended.
     */
    static <T> Future<T> withTimeout(Callable<T> work, long millis) throws InterruptedException {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            Future<T> f = one.submit(work);
            try {
                f.get(millis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
            } catch (ExecutionException e) {
                // the caller looks at the future
            }
            return f;
        } finally {
            one.shutdown();
            one.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
