package io.berth.worker.wire;

import io.berth.sdk.Completer;
import io.berth.sdk.Prompt;
import io.berth.sdk.PromptArgument;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.TaskSupport;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolHandler;
import io.berth.sdk.ToolHints;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a plugin declares, without its code: the worker encodes its tools, resources, templates and prompts; the host
 * decodes them into the same SDK records with handlers of its own that forward to the worker. Decoding goes through
 * the SDK records' constructors, so a declaration the SDK would refuse is refused here too.
 */
public final class DeclarationWire {

    private DeclarationWire() {
    }

    public static Map<String, Object> tool(Tool t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        put(m, "title", t.title());
        m.put("description", t.description());
        m.put("inputSchema", t.inputSchema());
        put(m, "outputSchema", t.outputSchema());
        if (!t.hints().isEmpty()) {
            Map<String, Object> h = new LinkedHashMap<>();
            put(h, "readOnly", t.hints().readOnly());
            put(h, "destructive", t.hints().destructive());
            put(h, "idempotent", t.hints().idempotent());
            put(h, "openWorld", t.hints().openWorld());
            m.put("hints", h);
        }
        m.put("taskSupport", t.taskSupport().name());
        m.put("scopes", List.copyOf(t.scopes()));
        m.put("requiresApproval", t.requiresApproval());
        return m;
    }

    public static Tool tool(Map<String, Object> m, ToolHandler handler) {
        Map<String, Object> h = Fields.optObject(m, "hints");
        ToolHints hints = h == null ? ToolHints.NONE : new ToolHints(Fields.optBool(h, "readOnly"),
                Fields.optBool(h, "destructive"), Fields.optBool(h, "idempotent"), Fields.optBool(h, "openWorld"));
        // The builder, not the canonical constructor: components the SDK appends later keep their defaults here
        // until this wire form carries them (each one needs a line in both directions).
        return Tool.builder(Fields.string(m, "name")).title(Fields.optString(m, "title"))
                .description(Fields.string(m, "description")).inputSchema(Fields.object(m, "inputSchema"))
                .outputSchema(Fields.optObject(m, "outputSchema")).hints(hints)
                .taskSupport(TaskSupport.valueOf(Fields.string(m, "taskSupport")))
                .scopes(scopes(Fields.list(m, "scopes"))).requiresApproval(Fields.bool(m, "requiresApproval"))
                .handler(handler).build();
    }

    /** Resources, templates and prompts carry {@code scopes} only when they declare some: absent means none. */
    private static void putScopes(Map<String, Object> m, Set<String> scopes) {
        if (!scopes.isEmpty()) {
            m.put("scopes", List.copyOf(scopes));
        }
    }

    private static String[] scopes(List<Object> scopes) {
        String[] out = new String[scopes.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(scopes.get(i) instanceof String s)) {
                throw new IllegalArgumentException("scopes must be strings");
            }
            out[i] = s;
        }
        return out;
    }

    public static Map<String, Object> resource(Resource r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uri", r.uri());
        m.put("name", r.name());
        put(m, "title", r.title());
        put(m, "description", r.description());
        put(m, "mimeType", r.mimeType());
        putScopes(m, r.scopes());
        return m;
    }

    public static Resource resource(Map<String, Object> m, Resource.Reader reader) {
        return Resource.builder(Fields.string(m, "uri"), Fields.string(m, "name")).title(Fields.optString(m, "title"))
                .description(Fields.optString(m, "description")).mimeType(Fields.optString(m, "mimeType"))
                .reader(reader).scopes(scopes(Fields.optList(m, "scopes"))).build();
    }

    public static Map<String, Object> template(ResourceTemplate t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uriTemplate", t.uriTemplate());
        m.put("name", t.name());
        put(m, "title", t.title());
        put(m, "description", t.description());
        put(m, "mimeType", t.mimeType());
        m.put("completer", t.completer() != null);
        putScopes(m, t.scopes());
        return m;
    }

    /** {@code completer} is used only if the worker's template has one. */
    public static ResourceTemplate template(Map<String, Object> m, ResourceTemplate.Reader reader,
                                            Completer completer) {
        return ResourceTemplate.builder(Fields.string(m, "uriTemplate"), Fields.string(m, "name"))
                .title(Fields.optString(m, "title")).description(Fields.optString(m, "description"))
                .mimeType(Fields.optString(m, "mimeType")).reader(reader)
                .completer(Fields.bool(m, "completer") ? completer : null).scopes(scopes(Fields.optList(m, "scopes"))).build();
    }

    public static Map<String, Object> prompt(Prompt p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        put(m, "title", p.title());
        put(m, "description", p.description());
        List<Object> args = new ArrayList<>();
        for (PromptArgument a : p.arguments()) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("name", a.name());
            put(am, "description", a.description());
            am.put("required", a.required());
            args.add(am);
        }
        m.put("arguments", args);
        m.put("completer", p.completer() != null);
        putScopes(m, p.scopes());
        return m;
    }

    public static Prompt prompt(Map<String, Object> m, Prompt.Handler handler, Completer completer) {
        List<PromptArgument> args = new ArrayList<>();
        for (Object o : Fields.optList(m, "arguments")) {
            Map<String, Object> a = Fields.asObject(o, "a prompt argument");
            args.add(new PromptArgument(Fields.string(a, "name"), Fields.optString(a, "description"),
                    Fields.bool(a, "required")));
        }
        return Prompt.builder(Fields.string(m, "name")).title(Fields.optString(m, "title"))
                .description(Fields.optString(m, "description")).arguments(args.toArray(PromptArgument[]::new))
                .handler(handler).completer(Fields.bool(m, "completer") ? completer : null).scopes(scopes(Fields.optList(m, "scopes"))).build();
    }

    static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
