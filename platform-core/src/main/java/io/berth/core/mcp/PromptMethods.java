package io.berth.core.mcp;

import io.berth.core.capability.Capabilities;
import io.berth.core.json.JsonFactories;
import io.berth.core.plugin.Deployed;
import io.berth.core.plugin.PluginCalls;
import io.berth.core.plugin.TenantCatalog;
import io.berth.sdk.Prompt;
import io.berth.sdk.PromptArgument;
import io.berth.sdk.PromptResult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code prompts/list} and {@code prompts/get}: the list shows the prompts the caller may get, and getting another is
 * the 403 of {@link OfferingAccess}.
 */
@ApplicationScoped
class PromptMethods {

    @Inject
    PluginCalls calls;

    @Inject
    Capabilities capabilities;

    JsonObject list(TenantCatalog catalog, JsonObject params, Set<String> grants) {
        Pages.Page<Deployed<Prompt>> page = Pages.of(OfferingAccess.visible(catalog, catalog.prompts(), grants),
                p -> p.item().name(), params);
        JsonArrayBuilder list = JsonFactories.BUILDERS.createArrayBuilder();
        page.items().forEach(d -> {
            Prompt p = d.item();
            JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder().add("name", p.name());
            ResourceMethods.optional(b, "title", p.title());
            ResourceMethods.optional(b, "description", p.description());
            JsonArrayBuilder args = JsonFactories.BUILDERS.createArrayBuilder();
            for (PromptArgument a : p.arguments()) {
                JsonObjectBuilder arg = JsonFactories.BUILDERS.createObjectBuilder().add("name", a.name());
                ResourceMethods.optional(arg, "description", a.description());
                args.add(arg.add("required", a.required()));
            }
            list.add(b.add("arguments", args));
        });
        return page.cursorInto(JsonFactories.BUILDERS.createObjectBuilder().add("prompts", list)).build();
    }

    CompletableFuture<JsonObject> get(TenantCatalog catalog, JsonObject params, CallContext context) {
        String name = McpMethods.requireString(params, "name");
        Deployed<Prompt> prompt = find(catalog, name, context.caller().scopes());
        Map<String, String> arguments = stringMap(params.get("arguments"), "arguments");
        for (PromptArgument a : prompt.item().arguments()) {
            if (a.required() && !arguments.containsKey(a.name())) {
                throw JsonRpcException.of(JsonRpcError.INVALID_PARAMS, "Missing required argument: " + a.name());
            }
        }
        context.grantFor(prompt, capabilities);
        return calls.run(prompt, "prompt " + name, () -> prompt.item().handler().get(arguments, context))
                .handle((result, failure) -> {
                    if (failure != null) {
                        throw PluginErrors.toJsonRpc(failure);
                    }
                    return json(result);
                });
    }

    /** The prompt, if the caller with {@code grants} may get it: unknown is -32602, lacking scopes a 403. */
    static Deployed<Prompt> find(TenantCatalog catalog, String name, Set<String> grants) {
        return OfferingAccess.require(catalog.prompt(name).orElseThrow(() -> JsonRpcException.of(
                JsonRpcError.INVALID_PARAMS, "Unknown prompt: " + name)), grants);
    }

    private static JsonObject json(PromptResult result) {
        if (result == null) {
            throw JsonRpcException.of(JsonRpcError.INTERNAL_ERROR, "The prompt returned nothing");
        }
        JsonArrayBuilder messages = JsonFactories.BUILDERS.createArrayBuilder();
        result.messages().forEach(m -> messages.add(JsonFactories.BUILDERS.createObjectBuilder()
                .add("role", m.role().name().toLowerCase(Locale.ROOT)).add("content", ContentJson.of(m.content()))));
        JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder();
        ResourceMethods.optional(b, "description", result.description());
        return b.add("messages", messages).build();
    }

    /** A JSON object of string values (prompt arguments, completion context); absent or null means empty. */
    static Map<String, String> stringMap(JsonValue value, String member) {
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null || value == JsonValue.NULL) {
            return map;
        }
        if (!(value instanceof JsonObject object)) {
            throw JsonRpcException.of(JsonRpcError.INVALID_PARAMS, member + " must be an object");
        }
        object.forEach((k, v) -> {
            if (!(v instanceof JsonString s)) {
                throw JsonRpcException.of(JsonRpcError.INVALID_PARAMS, member + "." + k + " must be a string");
            }
            map.put(k, s.getString());
        });
        return map;
    }
}
