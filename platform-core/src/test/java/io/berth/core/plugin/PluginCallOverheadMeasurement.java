package io.berth.core.plugin;

import io.berth.sdk.Tool;
import io.berth.sdk.ToolCall;
import io.berth.sdk.ToolResult;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Prints (never asserts) what the class-loader tier adds to a tool call: the same echo handler called directly and
 * through {@link PluginCalls} (plugin thread, context loader swap, bulkhead, time-out timer, future). Run with
 * {@code mvn -pl platform-core -am test -Dtest=PluginCallOverheadMeasurement -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PluginCallOverheadMeasurement {

    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 20_000;

    @Test
    void printsTheOverheadOfTheClassLoaderTier() throws Exception {
        PluginConfig config = new PluginConfig();
        config.callTimeoutMs = 10_000;
        config.maxConcurrentCallsPerTenant = 4;
        PluginCalls calls = new PluginCalls();
        calls.config = config;
        Tool echo = Tool.builder("echo").description("echo")
                .handler((call, context) -> ToolResult.text("Echo: " + call.arguments().get("message"))).build();
        Deployed<Tool> deployed = new Deployed<>("bench", "bench", echo, getClass().getClassLoader());
        ToolCall call = new ToolCall("echo", Map.of("message", "hello"));

        long[] direct = new long[MEASURED];
        long[] wrapped = new long[MEASURED];
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            long t0 = System.nanoTime();
            echo.handler().call(call, null);
            long t1 = System.nanoTime();
            calls.run(deployed, "tool echo", () -> echo.handler().call(call, null)).get(5, TimeUnit.SECONDS);
            long t2 = System.nanoTime();
            if (i >= WARM_UP) {
                direct[i - WARM_UP] = t1 - t0;
                wrapped[i - WARM_UP] = t2 - t1;
            }
        }
        calls.stop();
        System.out.printf("CLASSLOADER TIER (%d calls): direct p50 %.1f µs p99 %.1f µs; through PluginCalls p50 %.1f µs "
                        + "p99 %.1f µs; overhead p50 %.1f µs%n", MEASURED, p(direct, 50), p(direct, 99),
                p(wrapped, 50), p(wrapped, 99), p(wrapped, 50) - p(direct, 50));
    }

    private static double p(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1000.0;
    }
}
