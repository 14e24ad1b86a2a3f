package io.berth.core.mcp;

import io.berth.core.json.JsonFactories;
import io.berth.core.json.PlainJson;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolHints;
import io.berth.sdk.ToolResult;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The MCP wire form of tool declarations and results. */
final class ToolJson {

    private ToolJson() {
    }

    static JsonObject declaration(Tool tool) {
        return declaration(tool, false);
    }

    /** {@code coreTasks}: the 2025-11-25 session era, whose tools say whether they run as tasks. */
    static JsonObject declaration(Tool tool, boolean coreTasks) {
        JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder().add("name", tool.name());
        if (tool.title() != null) {
            b.add("title", tool.title());
        }
        b.add("description", tool.description()).add("inputSchema", PlainJson.toJsonObject(tool.inputSchema()));
        if (tool.outputSchema() != null) {
            b.add("outputSchema", PlainJson.toJsonObject(tool.outputSchema()));
        }
        if (!tool.hints().isEmpty()) {
            b.add("annotations", hints(tool.hints()));
        }
        if (coreTasks && tool.taskSupport() != io.berth.sdk.TaskSupport.FORBIDDEN) {
            b.add("execution", JsonFactories.BUILDERS.createObjectBuilder().add("taskSupport",
                    tool.taskSupport().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return b.build();
    }

    static JsonObject result(ToolResult result) {
        JsonArrayBuilder content = JsonFactories.BUILDERS.createArrayBuilder();
        result.content().forEach(c -> content.add(ContentJson.of(c)));
        JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder().add("content", content);
        if (result.structuredContent() != null) {
            b.add("structuredContent", PlainJson.toJsonObject(result.structuredContent()));
        }
        return b.add("isError", result.isError()).build();
    }

    private static JsonObject hints(ToolHints h) {
        JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder();
        if (h.readOnly() != null) {
            b.add("readOnlyHint", h.readOnly());
        }
        if (h.destructive() != null) {
            b.add("destructiveHint", h.destructive());
        }
        if (h.idempotent() != null) {
            b.add("idempotentHint", h.idempotent());
        }
        if (h.openWorld() != null) {
            b.add("openWorldHint", h.openWorld());
        }
        return b.build();
    }
}
