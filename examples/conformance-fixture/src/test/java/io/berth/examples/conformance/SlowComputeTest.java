package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.examples.conformance.Fixture.Progress;
import io.berth.examples.conformance.Fixture.RecordingContext;
import io.berth.sdk.TaskSupport;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolResult;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlowComputeTest {

    private static ToolResult compute(Map<String, Object> arguments, RecordingContext context) throws Exception {
        return Fixture.call("slow_compute", arguments, context);
    }

    @Test
    void mayRunAsATaskAndTakesSecondsAndALabel() {
        Tool tool = Fixture.tool("slow_compute");
        assertEquals(TaskSupport.OPTIONAL, tool.taskSupport());
        assertEquals("{\"type\":\"object\",\"properties\":{\"seconds\":{\"type\":\"number\",\"minimum\":0,\"maximum\":300,"
                + "\"description\":\"How long to compute, in seconds\"},\"label\":{\"type\":\"string\",\"description\":"
                + "\"A label for the computation\"}},\"required\":[\"seconds\"]}", JsonText.stringify(tool.inputSchema()));
    }

    @Test
    void zeroSecondsAnswersAtOnce() throws Exception {
        RecordingContext context = new RecordingContext();
        ToolResult result = assertTimeoutPreemptively(Duration.ofMillis(200),
                () -> compute(Map.of("seconds", 0L, "label", "instant"), context));
        assertEquals("Computation \"instant\" completed after 0 s. Result: 42.", Fixture.textOf(result));
        assertEquals(List.of(), context.statuses);
    }

    @Test
    void waitsAndReportsStatusAndProgressEachSecond() throws Exception {
        RecordingContext context = new RecordingContext();
        long start = System.nanoTime();
        ToolResult result = compute(Map.of("seconds", 1.1, "label", "two-ticks"), context);

        assertTrue(System.nanoTime() - start >= 1_100_000_000L, "waited 1.1 s");
        assertFalse(result.isError());
        assertEquals("Computation \"two-ticks\" completed after 1.1 s. Result: 42.", Fixture.textOf(result));
        assertEquals(List.of("Computation \"two-ticks\": 0 of 1.1 s", "Computation \"two-ticks\": 1 of 1.1 s"),
                context.statuses);
        assertEquals(List.of(new Progress(0, 1.1, context.statuses.get(0)), new Progress(1, 1.1, context.statuses.get(1))),
                context.progress);
    }

    @Test
    void stopsSoonAfterCancellation() {
        RecordingContext context = new RecordingContext() {
            @Override
            public void status(String message) {
                super.status(message);
                cancelled = true;
            }
        };
        ToolResult result = assertTimeoutPreemptively(Duration.ofMillis(500),
                () -> compute(Map.of("seconds", 60L, "label", "rt-cancel"), context));
        assertTrue(result.isError());
        assertEquals("Computation \"rt-cancel\" cancelled after 0 of 60 s", Fixture.textOf(result));
    }

    @Test
    void anInterruptCountsAsACancellationAndStaysSet() throws Exception {
        Thread.currentThread().interrupt();
        ToolResult result;
        try {
            result = compute(Map.of("seconds", 60L), new RecordingContext());
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt flag is kept (and cleared here)");
        }
        assertEquals("Computation \"computation\" cancelled after 0 of 60 s", Fixture.textOf(result));
    }

    @Test
    void rejectsBadArgumentsAsToolFailures() {
        for (Map<String, Object> arguments : List.<Map<String, Object>>of(Map.of(), Map.of("seconds", "1"),
                Map.of("seconds", -1L), Map.of("seconds", 301L), Map.of("seconds", 1L, "label", 7L))) {
            assertThrows(ToolException.class, () -> compute(arguments, new RecordingContext()), arguments::toString);
        }
    }
}
