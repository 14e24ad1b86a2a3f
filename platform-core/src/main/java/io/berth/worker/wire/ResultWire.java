package io.berth.worker.wire;

import io.berth.sdk.Content;
import io.berth.sdk.PromptMessage;
import io.berth.sdk.PromptResult;
import io.berth.sdk.ResourceContents;
import io.berth.sdk.ToolResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What plugin code returns, between the worker and the host: tool results, resource contents, prompt results. */
public final class ResultWire {

    private ResultWire() {
    }

    public static Map<String, Object> toolResult(ToolResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> content = new ArrayList<>();
        r.content().forEach(c -> content.add(content(c)));
        m.put("content", content);
        DeclarationWire.put(m, "structuredContent", r.structuredContent());
        m.put("isError", r.isError());
        return m;
    }

    public static ToolResult toolResult(Map<String, Object> m) {
        List<Content> content = new ArrayList<>();
        for (Object o : Fields.list(m, "content")) {
            content.add(content(Fields.asObject(o, "a content item")));
        }
        return new ToolResult(content, Fields.optObject(m, "structuredContent"), Fields.bool(m, "isError"));
    }

    public static Map<String, Object> content(Content c) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (c instanceof Content.Text t) {
            m.put("type", "text");
            m.put("text", t.text());
        } else if (c instanceof Content.Image i) {
            m.put("type", "image");
            m.put("data", i.base64Data());
            m.put("mimeType", i.mimeType());
        } else if (c instanceof Content.Audio a) {
            m.put("type", "audio");
            m.put("data", a.base64Data());
            m.put("mimeType", a.mimeType());
        } else if (c instanceof Content.ResourceLink l) {
            m.put("type", "resource_link");
            m.put("uri", l.uri());
            m.put("name", l.name());
            DeclarationWire.put(m, "description", l.description());
            DeclarationWire.put(m, "mimeType", l.mimeType());
        } else if (c instanceof Content.EmbeddedResource e) {
            m.put("type", "resource");
            m.put("uri", e.uri());
            DeclarationWire.put(m, "mimeType", e.mimeType());
            DeclarationWire.put(m, "text", e.text());
            DeclarationWire.put(m, "blob", e.base64Blob());
        } else {
            throw new JsonException("Not a content item: " + c);
        }
        return m;
    }

    public static Content content(Map<String, Object> m) {
        return switch (Fields.string(m, "type")) {
            case "text" -> new Content.Text(Fields.string(m, "text"));
            case "image" -> new Content.Image(Fields.string(m, "data"), Fields.string(m, "mimeType"));
            case "audio" -> new Content.Audio(Fields.string(m, "data"), Fields.string(m, "mimeType"));
            case "resource_link" -> new Content.ResourceLink(Fields.string(m, "uri"), Fields.string(m, "name"),
                    Fields.optString(m, "description"), Fields.optString(m, "mimeType"));
            case "resource" -> new Content.EmbeddedResource(Fields.string(m, "uri"), Fields.optString(m, "mimeType"),
                    Fields.optString(m, "text"), Fields.optString(m, "blob"));
            default -> throw new JsonException("unknown content type");
        };
    }

    public static List<Object> contents(List<ResourceContents> list) {
        List<Object> out = new ArrayList<>();
        for (ResourceContents c : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("uri", c.uri());
            DeclarationWire.put(m, "mimeType", c.mimeType());
            DeclarationWire.put(m, "text", c.text());
            DeclarationWire.put(m, "blob", c.base64Blob());
            out.add(m);
        }
        return out;
    }

    public static List<ResourceContents> readContents(List<Object> list) {
        List<ResourceContents> out = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> m = Fields.asObject(o, "resource contents");
            out.add(new ResourceContents(Fields.string(m, "uri"), Fields.optString(m, "mimeType"),
                    Fields.optString(m, "text"), Fields.optString(m, "blob")));
        }
        return out;
    }

    public static Map<String, Object> promptResult(PromptResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        DeclarationWire.put(m, "description", r.description());
        List<Object> messages = new ArrayList<>();
        for (PromptMessage pm : r.messages()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("role", pm.role().name().toLowerCase(Locale.ROOT));
            mm.put("content", content(pm.content()));
            messages.add(mm);
        }
        m.put("messages", messages);
        return m;
    }

    public static PromptResult promptResult(Map<String, Object> m) {
        List<PromptMessage> messages = new ArrayList<>();
        for (Object o : Fields.list(m, "messages")) {
            Map<String, Object> mm = Fields.asObject(o, "a prompt message");
            PromptMessage.Role role = switch (Fields.string(mm, "role")) {
                case "user" -> PromptMessage.Role.USER;
                case "assistant" -> PromptMessage.Role.ASSISTANT;
                default -> throw new JsonException("unknown role");
            };
            messages.add(new PromptMessage(role, content(Fields.object(mm, "content"))));
        }
        return new PromptResult(Fields.optString(m, "description"), messages);
    }
}
