package io.berth.core.mcp;

import io.berth.core.json.JsonFactories;
import io.berth.sdk.Content;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The MCP wire form of content blocks, shared by tool results and prompt messages. */
final class ContentJson {

    private ContentJson() {
    }

    static JsonObject of(Content c) {
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
}
