package io.berth.examples.conformance;

import io.berth.sdk.Tool;
import io.berth.sdk.ToolCall;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Calls the plugin's tools the way Berth does, with a context that records what the tool reported. */
final class Fixture {

    /** One {@link ToolContext#progress} call. */
    record Progress(double progress, Double total, String message) {
    }

    /** A context for tenant {@code test} that records progress and can be cancelled. */
    static class RecordingContext implements ToolContext {
        final List<Progress> progress = new ArrayList<>();
        volatile boolean cancelled;

        @Override
        public String tenantId() {
            return "test";
        }

        @Override
        public void progress(double progress, Double total, String message) {
            this.progress.add(new Progress(progress, total, message));
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }
    }

    private Fixture() {
    }

    static Tool tool(String name) {
        return new ConformanceFixturePlugin().tools().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no tool " + name));
    }

    static ToolResult call(String name, Map<String, Object> arguments, ToolContext context) throws Exception {
        return tool(name).handler().call(new ToolCall(name, arguments), context);
    }

    static ToolResult call(String name) throws Exception {
        return call(name, Map.of(), new RecordingContext());
    }
}
