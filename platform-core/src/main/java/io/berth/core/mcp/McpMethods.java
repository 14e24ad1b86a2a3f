package io.berth.core.mcp;

import io.berth.core.json.JsonFactories;
import io.berth.core.json.PlainJson;
import io.berth.core.plugin.PluginCatalog;
import io.berth.core.plugin.PluginTool;
import io.berth.core.plugin.ToolInvoker;
import io.berth.core.plugin.PluginConfig;
import io.berth.sdk.LogLevel;
import io.berth.sdk.ToolCall;
import io.berth.sdk.ToolResult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The JSON-RPC methods of a session-era MCP server, for one tenant's tools. */
@ApplicationScoped
public class McpMethods {

    static final String SERVER_NAME = "berth";
    static final String SERVER_VERSION = Optional.ofNullable(McpMethods.class.getPackage().getImplementationVersion())
            .orElse("dev");
    private static final Logger LOG = Logger.getLogger(McpMethods.class.getName());
    private static final JsonObject EMPTY = JsonFactories.BUILDERS.createObjectBuilder().build();

    @Inject
    PluginCatalog catalog;

    @Inject
    ToolInvoker invoker;

    @Inject
    PluginConfig invokerConfig;

    @Inject
    McpSessions sessions;

    @Inject
    ClientReplies replies;

    /** The result of {@code initialize}, with the negotiated version. Validates the request's params. */
    JsonObject initializeResult(JsonObject params, String negotiated) {
        requireString(params, "protocolVersion");
        requireObject(params, "capabilities");
        requireObject(params, "clientInfo");
        return JsonFactories.BUILDERS.createObjectBuilder()
                .add("protocolVersion", negotiated)
                .add("capabilities", JsonFactories.BUILDERS.createObjectBuilder()
                        .add("tools", JsonFactories.BUILDERS.createObjectBuilder().add("listChanged", false))
                        .add("logging", EMPTY))
                .add("serverInfo", JsonFactories.BUILDERS.createObjectBuilder()
                        .add("name", SERVER_NAME).add("version", SERVER_VERSION))
                .build();
    }

    /** Answers one request of an established session. */
    JsonObject handle(McpSession session, JsonRpcMessage.Request request) {
        return switch (request.method()) {
            case "ping" -> EMPTY;
            case "tools/list" -> listTools(session.tenantId(), request.params());
            case "logging/setLevel" -> setLogLevel(session, request.params());
            case "initialize" -> throw JsonRpcException.of(JsonRpcError.INVALID_REQUEST,
                    "This session is initialized already");
            default -> throw JsonRpcException.of(JsonRpcError.METHOD_NOT_FOUND, "Method not found: "
                    + request.method());
        };
    }

    private JsonObject listTools(String tenantId, JsonObject params) {
        JsonValue cursor = params.get("cursor");
        if (cursor != null && cursor != JsonValue.NULL) {
            // Every tool fits one page today, so no cursor this server handed out can exist.
            throw JsonRpcException.of(JsonRpcError.INVALID_PARAMS, "Invalid cursor");
        }
        JsonArrayBuilder tools = JsonFactories.BUILDERS.createArrayBuilder();
        catalog.tools(tenantId).all().forEach(t -> tools.add(ToolJson.declaration(t.tool())));
        return JsonFactories.BUILDERS.createObjectBuilder().add("tools", tools).build();
    }

    /**
     * Starts {@code tools/call}. Protocol faults (no such tool, malformed params) are thrown at once; everything after
     * that completes the returned future with the result, as tool failures are results too.
     */
    CompletableFuture<JsonObject> startToolCall(McpSession session, JsonRpcMessage.Request request,
                                                ResponseChannel channel) {
        JsonObject params = request.params();
        String name = requireString(params, "name");
        JsonValue arguments = params.get("arguments");
        if (arguments != null && arguments != JsonValue.NULL
                && arguments.getValueType() != JsonValue.ValueType.OBJECT) {
            throw JsonRpcException.of(JsonRpcError.INVALID_PARAMS, "arguments must be an object");
        }
        PluginTool tool = catalog.tools(session.tenantId()).find(name)
                .orElseThrow(() -> JsonRpcException.of(JsonRpcError.INVALID_PARAMS, "Unknown tool: " + name));
        ToolCall call = new ToolCall(name, arguments instanceof JsonObject o ? PlainJson.toJava(o) : null);
        JsonValue meta = params.get("_meta");
        JsonValue progressToken = meta instanceof JsonObject m ? m.get("progressToken") : null;
        SessionToolContext context = new SessionToolContext(session, progressToken, channel, replies,
                Instant.now().plus(invokerConfig.callTimeout()));
        String requestId = request.id().toString();
        replies.running(session.key(), requestId, context);
        return invoker.start(tool, call, context).thenApply(result -> {
            replies.finished(session.key(), requestId);
            try {
                return ToolJson.result(result);
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, "Tenant " + session.tenantId() + ": tool " + name + " returned an invalid "
                        + "result", e);
                return ToolJson.result(ToolResult.error("The tool returned a result Berth cannot send."));
            }
        });
    }

    private JsonObject setLogLevel(McpSession session, JsonObject params) {
        String level = requireString(params, "level");
        LogLevel parsed;
        try {
            parsed = LogLevel.valueOf(level.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw JsonRpcException.of(JsonRpcError.INVALID_PARAMS, "Unknown log level: " + level);
        }
        sessions.withLogLevel(session, parsed);
        return EMPTY;
    }

    static String requireString(JsonObject params, String member) {
        if (params.get(member) instanceof JsonString s) {
            return s.getString();
        }
        throw JsonRpcException.of(JsonRpcError.INVALID_PARAMS, member + " must be a string");
    }

    private static void requireObject(JsonObject params, String member) {
        JsonValue v = params.get(member);
        if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw JsonRpcException.of(JsonRpcError.INVALID_PARAMS, member + " must be an object");
        }
    }

}
