package io.berth.examples.conformance;

import io.berth.sdk.TaskSupport;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolResult;

/** Builds the many fixtures that take no arguments and whose handler needs only the {@link ToolContext}. */
final class NoArgumentTools {

    /** A handler that needs only the context. */
    @FunctionalInterface
    interface Handler {
        ToolResult call(ToolContext context) throws Exception;
    }

    private NoArgumentTools() {
    }

    /** A tool without arguments that never runs as a task. */
    static Tool tool(String name, String description, Handler handler) {
        return tool(name, description, TaskSupport.FORBIDDEN, handler);
    }

    /** A tool without arguments that runs as a task as {@code support} says. */
    static Tool tool(String name, String description, TaskSupport support, Handler handler) {
        return Tool.builder(name)
                .description(description)
                .taskSupport(support)
                .handler((call, context) -> handler.call(context))
                .build();
    }
}
