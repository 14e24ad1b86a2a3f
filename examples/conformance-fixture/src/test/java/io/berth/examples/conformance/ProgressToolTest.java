package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.examples.conformance.Fixture.Progress;
import io.berth.examples.conformance.Fixture.RecordingContext;
import io.berth.sdk.Content;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressToolTest {

    @Test
    void reportsZeroFiftyAndHundredOfHundredInOrder() throws Exception {
        RecordingContext context = new RecordingContext();
        ToolResult result = Fixture.call("test_tool_with_progress", Map.of(), context);

        assertEquals(List.of(
                new Progress(0, 100.0, "Completed step 0 of 100"),
                new Progress(50, 100.0, "Completed step 50 of 100"),
                new Progress(100, 100.0, "Completed step 100 of 100")), context.progress);
        assertFalse(result.isError());
        assertEquals(List.of(new Content.Text("Tool with progress executed successfully")), result.content());
    }

    @Test
    void pausesBetweenReports() throws Exception {
        List<Long> at = new ArrayList<>();
        ToolContext context = new RecordingContext() {
            @Override
            public void progress(double progress, Double total, String message) {
                at.add(System.nanoTime());
            }
        };
        Fixture.call("test_tool_with_progress", Map.of(), context);

        assertEquals(3, at.size());
        // Thread.sleep never returns early, so these hold on any machine.
        assertTrue(at.get(1) - at.get(0) >= 50_000_000L, "first pause");
        assertTrue(at.get(2) - at.get(1) >= 50_000_000L, "second pause");
    }

    @Test
    void stopsReportingOnceCancelled() throws Exception {
        RecordingContext context = new RecordingContext() {
            @Override
            public void progress(double progress, Double total, String message) {
                super.progress(progress, total, message);
                cancelled = true;
            }
        };
        ToolResult result = Fixture.call("test_tool_with_progress", Map.of(), context);

        assertEquals(1, context.progress.size());
        assertTrue(result.isError());
    }
}
