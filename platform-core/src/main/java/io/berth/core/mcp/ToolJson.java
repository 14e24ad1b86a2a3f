package io.berth.core.mcp;

import io.berth.core.json.JsonFactories;
import io.berth.core.json.PlainJson;
import io.berth.sdk.Content;
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
        return b.build();
    }

    static JsonObject result(ToolResult result) {
        JsonArrayBuilder content = JsonFactories.BUILDERS.createArrayBuilder();
        result.content().forEach(c -> content.add(content(c)));
        JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder().add("content", content);
        if (result.structuredContent() != null) {
            b.add("structuredContent", PlainJson.toJsonObject(result.structuredContent()));
        }
        return b.add("isError", result.isError()).build();
    }

    private static JsonObject content(Content c) {
        JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder();
        if (c instanceof Content.Text t) {
            return b.add("type", "text").add("text", t.text()).build();
        }
        if (c instanceof Content.Image i) {
            return b.add("type", "image").add("data", i.base64Data()).add("mimeType", i.mimeType()).build();
        }
        if (c instanceof Content.Audio a) {
            return b.add("type", "audio").add("data", a.base64Data()).add("mimeType", a.mimeType()).build();
        }
        if (c instanceof Content.ResourceLink l) {
            b.add("type", "resource_link").add("uri", l.uri()).add("name", l.name());
            if (l.description() != null) {
                b.add("description", l.description());
            }
            if (l.mimeType() != null) {
                b.add("mimeType", l.mimeType());
            }
            return b.build();
        }
        Content.EmbeddedResource r = (Content.EmbeddedResource) c;
        JsonObjectBuilder resource = JsonFactories.BUILDERS.createObjectBuilder().add("uri", r.uri());
        if (r.mimeType() != null) {
            resource.add("mimeType", r.mimeType());
        }
        if (r.text() != null) {
            resource.add("text", r.text());
        } else {
            resource.add("blob", r.base64Blob());
        }
        return b.add("type", "resource").add("resource", resource).build();
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
