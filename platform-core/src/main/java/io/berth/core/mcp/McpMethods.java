package io.berth.core.mcp;

import io.berth.core.json.JsonFactories;
import io.berth.core.plugin.CatalogChanges;
import io.berth.core.plugin.PluginCatalog;
import io.berth.core.plugin.PluginConfig;
import io.berth.core.plugin.TenantCatalog;
import io.berth.sdk.LogLevel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JSON-RPC methods of a session-era MCP server over one tenant's catalog. Methods that run plugin code answer
 * asynchronously ({@link #start}); the rest answer at once ({@link #handle}).
 */
@ApplicationScoped
public class McpMethods {

    static final String SERVER_NAME = "berth";
    static final String SERVER_VERSION = Optional.ofNullable(McpMethods.class.getPackage().getImplementationVersion())
            .orElse("dev");
    private static final Logger LOG = Logger.getLogger(McpMethods.class.getName());
    static final JsonObject EMPTY = JsonFactories.BUILDERS.createObjectBuilder().build();
    private static final Set<String> PLUGIN_BACKED = Set.of("tools/call", "resources/read", "prompts/get",
            "completion/complete");
    /** Answered later without running plugin code here: the end of a task. */
    private static final Set<String> AWAITED = Set.of("tasks/result");

    @Inject
    PluginCatalog catalogs;

    @Inject
    PluginConfig pluginConfig;

    @Inject
    McpSessions sessions;

    @Inject
    ClientReplies replies;

    @Inject
    ToolMethods tools;

    @Inject
    ResourceMethods resources;

    @Inject
    PromptMethods prompts;

    @Inject
    CompletionMethod completion;

    @Inject
    SessionStreams streams;

    @Inject
    CatalogChanges changes;

    @Inject
    CoreTasks coreTasks;

    /**
     * The result of {@code initialize}: validates the request's params and negotiates the version (the requested one
     * if supported, else the latest), which the result's {@code protocolVersion} carries.
     */
    JsonObject initializeResult(JsonObject params) {
        String negotiated = ProtocolVersions.negotiate(requireString(params, "protocolVersion"));
        requireObject(params, "capabilities");
        requireObject(params, "clientInfo");
        var b = JsonFactories.BUILDERS;
        return b.createObjectBuilder()
                .add("protocolVersion", negotiated)
                .add("capabilities", b.createObjectBuilder()
                        .add("tools", b.createObjectBuilder().add("listChanged", true))
                        .add("resources", b.createObjectBuilder().add("subscribe", true).add("listChanged", true))
                        .add("prompts", b.createObjectBuilder().add("listChanged", true))
                        .add("completions", EMPTY)
                        .add("logging", EMPTY)
                        .addAll(negotiated.equals(ProtocolVersions.LATEST)
                                ? b.createObjectBuilder().add("tasks", CoreTasks.capability())
                                : b.createObjectBuilder()))
                .add("serverInfo", b.createObjectBuilder().add("name", SERVER_NAME).add("version", SERVER_VERSION))
                .build();
    }

    /** Whether a request is answered asynchronously (it runs plugin code, or waits for something that does). */
    boolean answersLater(String method) {
        return PLUGIN_BACKED.contains(method) || AWAITED.contains(method);
    }

    private JsonObject coreTask(McpSession session, JsonRpcMessage.Request request) {
        if (!CoreTasks.speaks(session)) {
            throw JsonRpcException.of(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + request.method());
        }
        return switch (request.method()) {
            case "tasks/get" -> coreTasks.get(session, request.params());
            case "tasks/list" -> coreTasks.list(session, request.params());
            default -> coreTasks.cancel(session, request.params());
        };
    }

    /**
     * Refuses, before anything runs, a request using a tool, resource, template or prompt the session's current caller
     * lacks scopes for (403 with an {@code insufficient_scope} challenge, {@link OfferingAccess#check}). Anything else
     * passes here: an unknown target or bad params are answered by the method itself.
     */
    void checkAccess(McpSession session, JsonRpcMessage.Request request) {
        OfferingAccess.check(catalogs.of(session.tenantId()), request.method(), request.params(),
                session.caller().scopes());
    }

    /** Answers a request that runs no plugin code. */
    JsonObject handle(McpSession session, JsonRpcMessage.Request request) {
        TenantCatalog catalog = catalogs.of(session.tenantId());
        JsonObject params = request.params();
        return switch (request.method()) {
            case "ping" -> EMPTY;
            case "tools/list" -> tools.list(catalog, params, session.caller().scopes(), CoreTasks.speaks(session));
            case "tasks/get", "tasks/list", "tasks/cancel" -> coreTask(session, request);
            case "resources/list" -> resources.list(catalog, params, session.caller().scopes());
            case "resources/templates/list" -> resources.templates(catalog, params, session.caller().scopes());
            case "resources/subscribe" -> resources.subscribe(session, catalog, params);
            case "resources/unsubscribe" -> resources.unsubscribe(session, params);
            case "prompts/list" -> prompts.list(catalog, params, session.caller().scopes());
            case "logging/setLevel" -> setLogLevel(session, params);
            case "initialize" -> throw JsonRpcException.of(JsonRpcError.INVALID_REQUEST,
                    "This session is initialized already");
            default -> throw JsonRpcException.of(JsonRpcError.METHOD_NOT_FOUND, "Method not found: "
                    + request.method());
        };
    }

    /**
     * Starts a request that runs plugin code. Faults found before the plugin runs are thrown; the future carries the
     * result or a {@link JsonRpcException}. The call's context can stream progress, logs and client requests on
     * {@code channel}, and is cancellable through {@code notifications/cancelled}.
     */
    CompletableFuture<JsonObject> start(McpSession session, JsonRpcMessage.Request request, MessageSink channel) {
        TenantCatalog catalog = catalogs.of(session.tenantId());
        JsonObject params = request.params();
        JsonValue meta = params.get("_meta");
        JsonValue progressToken = meta instanceof JsonObject m ? m.get("progressToken") : null;
        SessionToolContext context = new SessionToolContext(session, progressToken, channel, replies,
                Instant.now().plus(pluginConfig.callTimeout()), changes);
        context.caller(session.caller());
        CompletableFuture<JsonObject> started = switch (request.method()) {
            case "tools/call" -> tools.call(catalog, params, context);
            case "resources/read" -> resources.read(catalog, params, context);
            case "prompts/get" -> prompts.get(catalog, params, context);
            case "completion/complete" -> completion.complete(catalog, params, session.caller().scopes());
            default -> throw new IllegalArgumentException(request.method() + " runs no plugin code");
        };
        String requestId = request.id().toString();
        replies.running(session.key(), requestId, context);
        return started.whenComplete((r, e) -> replies.finished(session.key(), requestId));
    }

    /**
     * Answers a request through {@code sink}: at once when it runs no plugin code, when the plugin call ends
     * otherwise. Every failure becomes a JSON-RPC error carrying the request's id.
     */
    void answer(McpSession session, JsonRpcMessage.Request r, MessageSink sink) {
        try {
            if (r.method().equals("tasks/result")) {
                if (!CoreTasks.speaks(session)) {
                    throw JsonRpcException.of(JsonRpcError.METHOD_NOT_FOUND, "Method not found: tasks/result");
                }
                coreTasks.result(session, r, sink);
                return;
            }
            if (!PLUGIN_BACKED.contains(r.method())) {
                sink.finish(JsonRpcCodec.result(r.id(), handle(session, r)));
                return;
            }
            if (r.method().equals("tools/call")) {
                checkAccess(session, r);
                coreTasks.checkAugmentation(session, r.params());
                if (CoreTasks.augmented(session, r.params())) {
                    sink.finish(JsonRpcCodec.result(r.id(), coreTasks.start(session, r.params())));
                    return;
                }
            }
            start(session, r, sink).whenComplete((ok, failure) -> sink.finish(failure == null
                    ? JsonRpcCodec.result(r.id(), ok)
                    : JsonRpcCodec.error(r.id(), PluginErrors.toJsonRpc(failure).error())));
        } catch (JsonRpcException e) {
            sink.finish(JsonRpcCodec.error(r.id(), e.error()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, r.method() + " of tenant " + session.tenantId() + " failed", e);
            sink.finish(JsonRpcCodec.error(r.id(), JsonRpcError.of(JsonRpcError.INTERNAL_ERROR, "Internal error")));
        }
    }

    /**
     * Answers a JSON-RPC batch of a session whose version allows batches: every request is answered (through
     * {@link #answer}), every notification and response taken, and {@code done} gets the array of responses once the
     * last request is answered (an empty string when there were none). {@code initialize} cannot be batched.
     */
    void answerBatch(McpSession session, JsonRpcBatch batch, MessageSink midCall,
                     java.util.function.Consumer<String> done) {
        BatchAnswer answers = new BatchAnswer(midCall, done);
        for (Object element : batch.elements()) {
            if (element instanceof JsonRpcException e) {
                answers.answerNow(e.id(), e.error());
            } else if (element instanceof JsonRpcMessage.Request r && r.method().equals("initialize")) {
                answers.answerNow(r.id(), JsonRpcError.of(JsonRpcError.INVALID_REQUEST,
                        "initialize cannot be part of a batch"));
            } else if (element instanceof JsonRpcMessage.Request r) {
                answer(session, r, answers.expect());
            } else {
                receive(session, (JsonRpcMessage) element);
            }
        }
        answers.seal();
    }

    /** Takes a notification or a response to one of our requests; neither is answered. */
    void receive(McpSession session, JsonRpcMessage message) {
        if (message instanceof JsonRpcMessage.Response r) {
            replies.deliver(session.key(), r.id().toString(), r.body());
        } else if (message instanceof JsonRpcMessage.Notification n
                && n.method().equals("notifications/cancelled") && n.params().get("requestId") != null) {
            replies.cancel(session.key(), n.params().get("requestId").toString());
        }
        // Other notifications (initialized, roots changed, ...) need nothing from this server.
    }

    /** Ends a session: its subscriptions and stream go with it. */
    boolean close(String tenant, String principal, String sessionId) {
        String key = ScopedKeys.of(tenant, principal, sessionId);
        resources.forget(key);
        streams.closeEverywhere(key);
        return sessions.close(tenant, principal, sessionId);
    }

    private JsonObject setLogLevel(McpSession session, JsonObject params) {
        String level = requireString(params, "level");
        LogLevel parsed;
        try {
            parsed = LogLevel.valueOf(level.toUpperCase(Locale.ROOT));
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
