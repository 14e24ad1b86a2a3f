package io.berth.core.plugin.worker;

import io.berth.sdk.Tool;
import io.berth.sdk.ToolCall;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Prints what the worker tier costs on this machine: cold start, call round trip, idle memory. Never asserts on
 * time (machines differ); the numbers in ADR 0005 come from here:
 * {@code mvn -pl platform-core -am test -Dtest=WorkerMeasurementsTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class WorkerMeasurementsTest {

    private static final int COLD_STARTS = 8;
    private static final int WARM_UP = 5_000;
    private static final int CALLS = 20_000;

    @Test
    void measure() throws Exception {
        Workers.assumeSandbox();
        Workers.jar();
        StringBuilder report = new StringBuilder("\n=== worker tier measurements ===\n");
        try (WorkerPool pool = new WorkerPool(Workers.sandboxed())) {
            coldStarts(pool, report);
            List<WorkerPlugin> plugins = pool.deploy("bench", List.of(Workers.jar()));
            roundTrips(plugins, report);
            Thread.sleep(2000);
            idleMemory(pool, report);
        }
        System.out.println(report);
    }

    private static void coldStarts(WorkerPool pool, StringBuilder report) throws Exception {
        double[] ready = new double[COLD_STARTS];
        double[] loaded = new double[COLD_STARTS];
        for (int i = 0; i < COLD_STARTS; i++) {
            long t0 = System.nanoTime();
            pool.deploy("cold", List.of(Workers.jar()));
            loaded[i] = (System.nanoTime() - t0) / 1e6;
            Duration start = pool.status("cold").orElseThrow().startTime();
            ready[i] = start.toNanos() / 1e6;
            pool.undeploy("cold");
        }
        report.append(String.format("cold start, spawn to ready (JVM up, protocol open), %d runs: %s ms%n",
                COLD_STARTS, summary(ready)));
        report.append(String.format("cold start, deploy to loaded (staging, spawn, ready, plugin JAR loaded and "
                + "declared): %s ms%n", summary(loaded)));
    }

    private static void roundTrips(List<WorkerPlugin> plugins, StringBuilder report) throws Exception {
        Tool echo = Workers.tool(plugins, "echo");
        RecordingContext ctx = new RecordingContext("bench");
        ToolCall call = new ToolCall("echo", Map.of("text", "x"));
        for (int i = 0; i < WARM_UP; i++) {
            echo.handler().call(call, ctx);
        }
        long[] nanos = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long t0 = System.nanoTime();
            echo.handler().call(call, ctx);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        report.append(String.format("round trip, echo tool through the SDK handler (one caller thread, %d calls after "
                        + "%d warm-up): p50 %.1f us, p90 %.1f us, p99 %.1f us, max %.1f us%n", CALLS, WARM_UP,
                nanos[CALLS / 2] / 1e3, nanos[CALLS * 9 / 10] / 1e3, nanos[CALLS * 99 / 100] / 1e3,
                nanos[CALLS - 1] / 1e3));
    }

    private static void idleMemory(WorkerPool pool, StringBuilder report) throws Exception {
        WorkerPool.WorkerStatus s = pool.status("bench").orElseThrow();
        long java = s.javaPid().orElseThrow();
        long javaRss = rssKb(java);
        long all = rssKb(s.pid()) + ProcessHandle.of(s.pid()).orElseThrow().descendants()
                .mapToLong(h -> rssKb(h.pid())).sum();
        report.append(String.format("idle worker after those calls: VmRSS of the JVM %.1f MiB; with the sandbox's "
                + "launcher processes %.1f MiB%n", javaRss / 1024.0, all / 1024.0));
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // gone
        }
        return 0;
    }

    private static String summary(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        List<String> all = new ArrayList<>();
        for (double d : values) {
            all.add(String.format("%.0f", d));
        }
        return String.format("min %.0f, median %.0f, max %.0f (all: %s)", v[0], v[v.length / 2], v[v.length - 1],
                String.join(" ", all));
    }
}
