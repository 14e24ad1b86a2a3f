package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.examples.conformance.Fixture.Log;
import io.berth.examples.conformance.Fixture.RecordingContext;
import io.berth.sdk.Content;
import io.berth.sdk.LogLevel;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoggingToolTest {

    @Test
    void logsStartedProcessingCompletedAtInfoWithoutALogger() throws Exception {
        RecordingContext context = new RecordingContext();
        ToolResult result = Fixture.call("test_tool_with_logging", Map.of(), context);

        assertEquals(List.of(
                new Log(LogLevel.INFO, null, "Tool execution started"),
                new Log(LogLevel.INFO, null, "Tool processing data"),
                new Log(LogLevel.INFO, null, "Tool execution completed")), context.logs);
        assertFalse(result.isError());
        assertEquals(List.of(new Content.Text("Tool with logging executed successfully")), result.content());
    }

    @Test
    void pausesBetweenMessages() throws Exception {
        List<Long> at = new ArrayList<>();
        ToolContext context = new RecordingContext() {
            @Override
            public void log(LogLevel level, String logger, Object data) {
                at.add(System.nanoTime());
            }
        };
        Fixture.call("test_tool_with_logging", Map.of(), context);

        assertEquals(3, at.size());
        // Thread.sleep never returns early, so these hold on any machine.
        assertTrue(at.get(1) - at.get(0) >= 50_000_000L, "first pause");
        assertTrue(at.get(2) - at.get(1) >= 50_000_000L, "second pause");
    }

    @Test
    void stopsLoggingOnceCancelled() throws Exception {
        RecordingContext context = new RecordingContext() {
            @Override
            public void log(LogLevel level, String logger, Object data) {
                super.log(level, logger, data);
                cancelled = true;
            }
        };
        ToolResult result = Fixture.call("test_tool_with_logging", Map.of(), context);

        assertEquals(1, context.logs.size());
        assertTrue(result.isError());
    }

    @Test
    void declaresTheReferenceDescription() {
        Tool tool = Fixture.tool("test_tool_with_logging");
        assertEquals("Tests tool that emits log messages during execution", tool.description());
        assertEquals(Tool.NO_ARGUMENTS, tool.inputSchema());
    }
}
