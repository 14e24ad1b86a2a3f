package io.berth.core.mcp;

import io.berth.core.capability.Capabilities;
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

import java.util.Set;
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

    @Inject
    Capabilities capabilities;

    /** The tools the caller with {@code grants} may call ({@link OfferingAccess}), a page at a time. */
    JsonObject list(TenantCatalog catalog, JsonObject params, Set<String> grants) {
        return list(catalog, params, grants, false);
    }

    JsonObject list(TenantCatalog catalog, JsonObject params, Set<String> grants, boolean coreTasks) {
        Pages.Page<Deployed<Tool>> page = Pages.of(OfferingAccess.visible(catalog, catalog.tools(), grants),
                t -> t.item().name(), params);
        JsonArrayBuilder tools = JsonFactories.BUILDERS.createArrayBuilder();
        page.items().forEach(t -> tools.add(ToolJson.declaration(t.item(), coreTasks)));
        return page.cursorInto(JsonFactories.BUILDERS.createObjectBuilder().add("tools", tools)).build();
    }

    CompletableFuture<JsonObject> call(TenantCatalog catalog, JsonObject params, CallContext context) {
        Deployed<Tool> tool = find(catalog, params, context.caller().scopes());
        return invoke(tool, params, context).handle((result, failure) -> json(context.tenantId(),
                tool.item().name(), result, failure));
    }

    /**
     * The tool a {@code tools/call} names, if the caller with {@code grants} may call it: unknown is -32602, lacking
     * scopes the 403 of {@link OfferingAccess#require}.
     */
    static Deployed<Tool> find(TenantCatalog catalog, JsonObject params, Set<String> grants) {
        String name = McpMethods.requireString(params, "name");
        return OfferingAccess.require(catalog.tool(name)
                .orElseThrow(() -> JsonRpcException.of(JsonRpcError.INVALID_PARAMS, "Unknown tool: " + name)), grants);
    }

    /** Runs the tool; the future fails with the {@link PluginCallException} of a failed call. */
    CompletableFuture<ToolResult> invoke(Deployed<Tool> tool, JsonObject params, CallContext context) {
        return invoke(tool, params, context, null);
    }

    /** As above, with a time-out of its own ({@code null}: the plugin-call default). */
    CompletableFuture<ToolResult> invoke(Deployed<Tool> tool, JsonObject params, CallContext context,
                                         java.time.Duration limit) {
        JsonValue arguments = params.get("arguments");
        if (arguments != null && arguments != JsonValue.NULL
                && arguments.getValueType() != JsonValue.ValueType.OBJECT) {
            throw JsonRpcException.of(JsonRpcError.INVALID_PARAMS, "arguments must be an object");
        }
        String name = tool.item().name();
        ToolCall call = new ToolCall(name, arguments instanceof JsonObject o ? PlainJson.toJava(o) : null);
        // The plugin is known only here, on every era's path to a tool: its data, egress and secrets are granted now.
        context.grantFor(tool, capabilities);
        java.util.concurrent.Callable<ToolResult> work = () -> tool.item().handler().call(call, context);
        return limit == null ? calls.run(tool, "tool " + name, work) : calls.run(tool, "tool " + name, work, limit);
    }

    /** A tool's outcome as a CallToolResult: failures of the tool are results with isError, for the model. */
    static JsonObject json(String tenant, String name, ToolResult result, Throwable failure) {
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
