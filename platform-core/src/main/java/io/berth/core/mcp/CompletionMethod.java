package io.berth.core.mcp;

import io.berth.core.json.JsonFactories;
import io.berth.core.plugin.Deployed;
import io.berth.core.plugin.PluginCalls;
import io.berth.core.plugin.TenantCatalog;
import io.berth.sdk.Completer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code completion/complete} for prompt arguments ({@code ref/prompt}) and resource template variables
 * ({@code ref/resource}). An unknown reference is -32602; one the caller may not use is the 403 of
 * {@link OfferingAccess} (suggestions can tell as much as the prompt or resource); a prompt or template without a
 * completer completes to nothing.
 */
@ApplicationScoped
class CompletionMethod {

    static final int MAX_VALUES = 100;

    @Inject
    PluginCalls calls;

    CompletableFuture<JsonObject> complete(TenantCatalog catalog, JsonObject params, Set<String> grants) {
        JsonObject ref = params.get("ref") instanceof JsonObject o ? o
                : failWith("ref must be an object");
        JsonObject argument = params.get("argument") instanceof JsonObject o ? o
                : failWith("argument must be an object");
        String argName = McpMethods.requireString(argument, "name");
        String prefix = McpMethods.requireString(argument, "value");
        JsonObject context = params.get("context") instanceof JsonObject o ? o : null;
        Map<String, String> others = PromptMethods.stringMap(context == null ? null : context.get("arguments"),
                "context.arguments");

        Deployed<?> owner;
        Completer completer;
        switch (McpMethods.requireString(ref, "type")) {
            case "ref/prompt" -> {
                String name = McpMethods.requireString(ref, "name");
                var prompt = PromptMethods.find(catalog, name, grants);
                owner = prompt;
                completer = prompt.item().completer();
            }
            case "ref/resource" -> {
                String uri = McpMethods.requireString(ref, "uri");
                var template = OfferingAccess.require(catalog.template(uri).orElseThrow(() -> JsonRpcException.of(
                        JsonRpcError.INVALID_PARAMS, "Unknown resource template: " + uri)), grants);
                owner = template;
                completer = template.item().completer();
            }
            default -> throw JsonRpcException.of(JsonRpcError.INVALID_PARAMS, "ref.type must be ref/prompt or "
                    + "ref/resource");
        }
        if (completer == null) {
            return CompletableFuture.completedFuture(result(List.of()));
        }
        return calls.run(owner, "completion", () -> completer.complete(argName, prefix, others))
                .handle((values, failure) -> {
                    if (failure != null) {
                        throw PluginErrors.toJsonRpc(failure);
                    }
                    return result(values == null ? List.of() : values);
                });
    }

    private static JsonObject result(List<String> values) {
        JsonArrayBuilder list = JsonFactories.BUILDERS.createArrayBuilder();
        values.stream().limit(MAX_VALUES).forEach(list::add);
        return JsonFactories.BUILDERS.createObjectBuilder().add("completion", JsonFactories.BUILDERS
                .createObjectBuilder().add("values", list).add("total", values.size())
                .add("hasMore", values.size() > MAX_VALUES)).build();
    }

    private static JsonObject failWith(String message) {
        throw JsonRpcException.of(JsonRpcError.INVALID_PARAMS, message);
    }
}
