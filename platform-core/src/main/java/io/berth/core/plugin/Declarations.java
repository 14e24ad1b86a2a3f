package io.berth.core.plugin;

import io.berth.core.json.PlainJson;
import io.berth.sdk.Prompt;
import io.berth.sdk.PromptArgument;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolPlugin;

import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a plugin version declares, as canonical JSON (lists sorted, members in a fixed order): stored with each version,
 * shown to tenant admins, and compared for schema pinning. The pinned part is each tool's name, description,
 * schemas, required scopes and approval hint: a version that changes it must be approved before agents see it, so that
 * an approved tool cannot quietly change what it tells the model, what it accepts or what access it needs. Of
 * resources, templates and prompts only the scopes are pinned: a version that changes who may read one is held too.
 */
final class Declarations {

    private Declarations() {
    }

    static JsonObject of(List<ToolPlugin> plugins) {
        List<Tool> tools = new ArrayList<>();
        List<Prompt> prompts = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        List<ResourceTemplate> templates = new ArrayList<>();
        for (ToolPlugin p : plugins) {
            tools.addAll(p.tools());
            prompts.addAll(p.prompts());
            resources.addAll(p.resources());
            templates.addAll(p.resourceTemplates());
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("tools", tools.stream().sorted(Comparator.comparing(Tool::name)).map(Declarations::tool).toList());
        all.put("prompts", prompts.stream().sorted(Comparator.comparing(Prompt::name)).map(Declarations::prompt)
                .toList());
        all.put("resources", resources.stream().sorted(Comparator.comparing(Resource::uri))
                .map(r -> ordered("uri", r.uri(), "name", r.name(), "description", r.description(), "mimeType",
                        r.mimeType(), "scopes", scopes(r))).toList());
        all.put("resourceTemplates", templates.stream().sorted(Comparator.comparing(ResourceTemplate::uriTemplate))
                .map(t -> ordered("uriTemplate", t.uriTemplate(), "name", t.name(), "description", t.description(),
                        "mimeType", t.mimeType(), "scopes", scopes(t))).toList());
        return PlainJson.toJsonObject(all);
    }

    static JsonObject parse(String json) {
        try (var r = io.berth.core.json.JsonFactories.READERS.createReader(new java.io.StringReader(json))) {
            return r.readObject();
        }
    }

    /**
     * The part schema pinning guards: per tool, name, description, schemas, scopes and approval hint; per prompt,
     * resource and template, the scopes that guard it (who may read it is access, like a tool's scopes).
     */
    static String pinned(JsonObject declarations) {
        List<Object> pinned = new ArrayList<>();
        for (var t : declarations.getJsonArray("tools").getValuesAs(JsonObject.class)) {
            pinned.add(ordered("name", t.get("name"), "description", t.get("description"), "inputSchema",
                    t.get("inputSchema"), "outputSchema", t.get("outputSchema"), "scopes", t.get("scopes"),
                    "requiresApproval", t.get("requiresApproval")));
        }
        for (String[] kind : new String[][] {{"prompts", "name"}, {"resources", "uri"},
                {"resourceTemplates", "uriTemplate"}}) {
            var offerings = declarations.getJsonArray(kind[0]);
            for (var o : offerings == null ? List.<JsonObject>of() : offerings.getValuesAs(JsonObject.class)) {
                if (o.get("scopes") != null) {
                    pinned.add(ordered(kind[1], o.get(kind[1]), "scopes", o.get("scopes")));
                }
            }
        }
        return pinned.toString();
    }

    static List<String> toolNames(JsonObject declarations) {
        return declarations.getJsonArray("tools").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("name")).toList();
    }

    private static Map<String, Object> tool(Tool t) {
        Map<String, Object> hints = ordered("readOnly", t.hints().readOnly(), "destructive", t.hints().destructive(),
                "idempotent", t.hints().idempotent(), "openWorld", t.hints().openWorld());
        return ordered("name", t.name(), "title", t.title(), "description", t.description(),
                "inputSchema", sorted(t.inputSchema()), "outputSchema", t.outputSchema() == null ? null
                        : sorted(t.outputSchema()), "hints", hints,
                "taskSupport", t.taskSupport().name().toLowerCase(java.util.Locale.ROOT),
                "scopes", List.copyOf(t.scopes()), "requiresApproval", t.requiresApproval());
    }

    private static Map<String, Object> prompt(Prompt p) {
        List<Object> arguments = new ArrayList<>();
        for (PromptArgument a : p.arguments()) {
            arguments.add(ordered("name", a.name(), "description", a.description(), "required", a.required()));
        }
        return ordered("name", p.name(), "title", p.title(), "description", p.description(), "arguments", arguments,
                "scopes", scopes(p));
    }

    /**
     * A resource's, template's or prompt's scopes, shown to tenant admins; left out when there are none, so that the
     * declarations of versions stored before these kinds had scopes read the same.
     */
    private static List<String> scopes(io.berth.sdk.Offering o) {
        return o.scopes().isEmpty() ? null : List.copyOf(o.scopes());
    }

    /** A schema with its object members sorted by name at every level, so equal schemas compare equal. */
    @SuppressWarnings("unchecked")
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new java.util.TreeMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), sorted(v)));
            return copy;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(Declarations::sorted).toList();
        }
        return value;
    }

    /** A map of the given key/value pairs in that order, without the null values. */
    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1] instanceof jakarta.json.JsonValue j ? PlainJson.toJava(j)
                        : pairs[i + 1]);
            }
        }
        return m;
    }
}
