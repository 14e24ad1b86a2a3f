package io.berth.core.mcp;

import io.berth.core.json.JsonFactories;
import io.berth.core.json.PlainJson;
import io.berth.core.plugin.Deployed;
import io.berth.core.plugin.PluginCallException;
import io.berth.core.plugin.PluginCalls;
import io.berth.core.plugin.TenantCatalog;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolCall;
import io.berth.sdk.ToolResult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code tools/list} and {@code tools/call}. Protocol faults (unknown tool, malformed params) are JSON-RPC errors;
 * everything that goes wrong in or around the tool itself is a result with {@code isError: true} the model can read.
 */
@ApplicationScoped
class ToolMethods {

    private static final Logger LOG = Logger.getLogger(ToolMethods.class.getName());

    @Inject
    PluginCalls calls;

    JsonObject list(TenantCatalog catalog, JsonObject params) {
        JsonValue cursor = params.get("cursor");
        if (cursor != null && cursor != JsonValue.NULL) {
            // Every tool fits one page today, so no cursor this server handed out can exist.
            throw JsonRpcException.of(JsonRpcError.INVALID_PARAMS, "Invalid cursor");
        }
        JsonArrayBuilder tools = JsonFactories.BUILDERS.createArrayBuilder();
        catalog.tools().forEach(t -> tools.add(ToolJson.declaration(t.item())));
        return JsonFactories.BUILDERS.createObjectBuilder().add("tools", tools).build();
    }

    CompletableFuture<JsonObject> call(TenantCatalog catalog, JsonObject params, CallContext context) {
        String name = McpMethods.requireString(params, "name");
        JsonValue arguments = params.get("arguments");
        if (arguments != null && arguments != JsonValue.NULL
                && arguments.getValueType() != JsonValue.ValueType.OBJECT) {
            throw JsonRpcException.of(JsonRpcError.INVALID_PARAMS, "arguments must be an object");
        }
        Deployed<Tool> tool = catalog.tool(name)
                .orElseThrow(() -> JsonRpcException.of(JsonRpcError.INVALID_PARAMS, "Unknown tool: " + name));
        ToolCall call = new ToolCall(name, arguments instanceof JsonObject o ? PlainJson.toJava(o) : null);
        return calls.run(tool, "tool " + name, () -> tool.item().handler().call(call, context))
                .handle((result, failure) -> json(context.tenantId(), name, result, failure));
    }

    private static JsonObject json(String tenant, String name, ToolResult result, Throwable failure) {
        if (failure != null) {
            Throwable t = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            return ToolJson.result(ToolResult.error(t instanceof PluginCallException e ? e.getMessage()
                    : "The tool failed unexpectedly."));
        }
        if (result == null) {
            return ToolJson.result(ToolResult.error("The tool returned no result."));
        }
        try {
            return ToolJson.result(result);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Tenant " + tenant + ": tool " + name + " returned an invalid result", e);
            return ToolJson.result(ToolResult.error("The tool returned a result Berth cannot send."));
        }
    }
}
