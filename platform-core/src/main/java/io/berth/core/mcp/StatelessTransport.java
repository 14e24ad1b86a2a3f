package io.berth.core.mcp;

import io.berth.core.json.JsonFactories;
import io.berth.core.plugin.CatalogChanges;
import io.berth.core.plugin.Deployed;
import io.berth.core.plugin.PluginCallException;
import io.berth.core.plugin.PluginCatalog;
import io.berth.core.plugin.PluginConfig;
import io.berth.core.plugin.TenantCatalog;
import io.berth.sdk.TaskSupport;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolResult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Streamable HTTP for 2026-07-28: every POST is one self-contained request, checked on its own and answered on its
 * own response (JSON, or an event stream when the call reports progress or logs). Nothing is remembered between
 * requests: input goes through MRTR with a sealed {@code requestState}, long work through tasks.
 *
 * <p>The checks run in the order clients rely on to tell the eras apart: headers against the body (-32020), the
 * version (-32022), the envelope (-32602), then the method (404, -32601). Each of these is HTTP 400 or 404 with a real
 * JSON-RPC error that carries the request id.
 */
@ApplicationScoped
class StatelessTransport {

    private static final Logger LOG = Logger.getLogger(StatelessTransport.class.getName());
    private static final Set<String> METHODS = Set.of("server/discover", "tools/list", "tools/call", "prompts/list",
            "prompts/get", "resources/list", "resources/templates/list", "resources/read", "completion/complete",
            "subscriptions/listen", "tasks/get", "tasks/update", "tasks/cancel");

    @Inject
    PluginCatalog catalogs;

    @Inject
    ToolMethods tools;

    @Inject
    ResourceMethods resources;

    @Inject
    PromptMethods prompts;

    @Inject
    CompletionMethod completion;

    @Inject
    RequestStates states;

    @Inject
    CatalogChanges changes;

    @Inject
    ListenStreams listens;

    @Inject
    TaskMethods taskMethods;

    @Inject
    TaskStore tasks;

    @Inject
    PluginConfig pluginConfig;

    @Inject
    SessionStreams streams;

    void post(String tenant, Agent agent, JsonRpcMessage message, HttpServletRequest req, HttpServletResponse resp)
            throws IOException {
        if (message instanceof JsonRpcMessage.Notification) {
            resp.setStatus(202); // only notifications/cancelled exists, and it is for stdio
            return;
        }
        if (!(message instanceof JsonRpcMessage.Request r)) {
            throw new JsonRpcException(null, JsonRpcError.of(JsonRpcError.INVALID_REQUEST,
                    "2026-07-28 takes requests and notifications only: responses cannot be posted"), 400);
        }
        ModernEnvelope envelope;
        try {
            envelope = admit(r, req);
        } catch (JsonRpcException e) {
            throw e.withId(r.id());
        }
        try {
            dispatch(tenant, agent, r, envelope, req, resp);
        } catch (JsonRpcException e) {
            throw e.withId(r.id());
        }
    }

    private static ModernEnvelope admit(JsonRpcMessage.Request r, HttpServletRequest req) {
        String claimed = ModernEnvelope.claimedVersion(r.params());
        if (claimed == null) {
            ModernEnvelope.of(r.params()); // throws the precise -32602
        }
        RequestHeaders.checkVersion(req, claimed);
        if (!ProtocolVersions.modern(claimed)) {
            throw unsupported(claimed);
        }
        ModernEnvelope envelope = ModernEnvelope.of(r.params());
        RequestHeaders.checkRouting(req, r.method(), r.params());
        if (!METHODS.contains(r.method())) {
            throw new JsonRpcException(null, JsonRpcError.of(JsonRpcError.METHOD_NOT_FOUND,
                    "Method not found: " + r.method()), 404);
        }
        return envelope;
    }

    private void dispatch(String tenant, Agent agent, JsonRpcMessage.Request r, ModernEnvelope envelope,
                          HttpServletRequest req, HttpServletResponse resp) throws IOException {
        TenantCatalog catalog = catalogs.of(tenant);
        JsonObject params = r.params();
        JsonObject result = switch (r.method()) {
            case "server/discover" -> ModernResults.cacheable(discover(), ModernResults.DISCOVER_TTL_MS, true);
            case "tools/list" -> ModernResults.cacheable(tools.list(catalog, params, agent.scopes()),
                    ModernResults.LIST_TTL_MS, false);
            case "prompts/list" -> ModernResults.cacheable(prompts.list(catalog, params, agent.scopes()),
                    ModernResults.LIST_TTL_MS, false);
            case "resources/list" -> ModernResults.cacheable(resources.list(catalog, params, agent.scopes()),
                    ModernResults.LIST_TTL_MS, false);
            case "resources/templates/list" -> ModernResults.cacheable(resources.templates(catalog, params,
                    agent.scopes()), ModernResults.LIST_TTL_MS, false);
            default -> null;
        };
        if (result != null) {
            HttpExchange.writeJson(resp, 200, JsonRpcCodec.result(r.id(), result));
            return;
        }
        switch (r.method()) {
            case "tools/call", "prompts/get", "resources/read", "completion/complete" ->
                    call(tenant, agent, catalog, r, envelope, req, resp);
            case "subscriptions/listen" -> listens.open(tenant, catalog, agent.scopes(), r, req, resp);
            case "tasks/get", "tasks/update", "tasks/cancel" -> HttpExchange.writeJson(resp, 200, JsonRpcCodec.result(
                    r.id(), taskMethods.handle(tenant, agent.principal(), r, envelope)));
            default -> throw JsonRpcException.of(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + r.method());
        }
    }

    /** A method that runs plugin code: answered when the plugin is done, possibly with input_required. */
    private void call(String tenant, Agent agent, TenantCatalog catalog, JsonRpcMessage.Request r,
                      ModernEnvelope envelope, HttpServletRequest req, HttpServletResponse resp) {
        JsonObject params = r.params();
        Deployed<Tool> tool = null;
        boolean taskCapable = false;
        if (r.method().equals("tools/call")) {
            tool = ToolMethods.find(catalog, params, agent.scopes());
            RequestHeaders.checkToolParams(req, tool.item().inputSchema(),
                    params.get("arguments") instanceof JsonObject a ? a : null);
            boolean clientHasTasks = envelope.declaresExtension(ModernEnvelope.TASKS_EXTENSION);
            if (tool.item().taskSupport() == TaskSupport.REQUIRED && !clientHasTasks) {
                throw TaskMethods.missingExtension();
            }
            taskCapable = clientHasTasks && tool.item().taskSupport() != TaskSupport.FORBIDDEN;
        } else {
            // Refused on the request itself (403 and the challenge), before the response turns asynchronous.
            OfferingAccess.check(catalog, r.method(), params, agent.scopes());
        }
        // The binding (a digest of the canonical arguments) is needed only by MRTR: computed on first use, so that
        // ordinary calls do not pay for it.
        java.util.function.Supplier<RequestStates.Binding> binding =
                lazily(() -> binding(tenant, agent.principal(), r.method(), params));
        Map<String, JsonValue> offered = offeredAnswers(binding, params);
        AsyncContext async = req.startAsync();
        async.setTimeout(0); // the call has its own deadline (PluginCalls)
        ResponseChannel channel = new ResponseChannel(async, resp);
        StatelessToolContext context = new StatelessToolContext(tenant, envelope, offered, channel, changes);
        context.caller(agent.caller());
        Call call = new Call(tenant, agent.principal(), r, binding, context, channel, tool);
        try {
            if (tool != null) {
                Duration limit = taskCapable ? pluginConfig.taskTimeout() : pluginConfig.callTimeout();
                if (taskCapable) {
                    context.allowTask(c -> detach(call), tasks, Instant.now().plus(limit));
                    // Until it becomes a task, the call holds the request: the ordinary time-out applies to that part.
                    var syncDeadline = streams.schedule(() -> {
                        if (context.taskKey() == null && call.channel().finishIfOpen(JsonRpcCodec.result(r.id(),
                                ModernResults.complete(ToolMethods.json(tenant, call.tool().item().name(), null,
                                        new PluginCallException(PluginCallException.Kind.TIMEOUT,
                                                "The tool did not answer or hand over a task in time.")))))) {
                            context.cancel();
                        }
                    }, pluginConfig.callTimeout().toMillis());
                    tools.invoke(tool, params, context, limit).whenComplete((ok, failure) -> {
                        syncDeadline.cancel(false);
                        finishTool(call, ok, failure);
                    });
                    return;
                }
                tools.invoke(tool, params, context, limit).whenComplete((ok, failure) -> finishTool(call, ok, failure));
                return;
            }
            CompletableFuture<JsonObject> started = switch (r.method()) {
                case "prompts/get" -> prompts.get(catalog, params, context);
                case "resources/read" -> resources.read(catalog, params, context);
                default -> completion.complete(catalog, params, agent.scopes());
            };
            started.whenComplete((ok, failure) -> finish(call, ok, failure));
        } catch (JsonRpcException e) {
            channel.finish(JsonRpcCodec.error(r.id(), modern(e.error())), e.httpStatus());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, r.method() + " of tenant " + tenant + " failed", e);
            channel.finish(JsonRpcCodec.error(r.id(), JsonRpcError.of(JsonRpcError.INTERNAL_ERROR, "Internal error")),
                    500);
        }
    }

    /** One running plugin-backed request and where its answer goes. */
    private record Call(String tenant, String principal, JsonRpcMessage.Request request,
                        java.util.function.Supplier<RequestStates.Binding> binding, StatelessToolContext context,
                        ResponseChannel channel, Deployed<Tool> tool) {
    }

    /** The call becomes a task: created in the store, and the request answered with it at once. */
    private String detach(Call call) {
        String taskId = java.util.UUID.randomUUID().toString();
        String key = TaskStore.key(call.tenant(), call.principal(), taskId);
        JsonObject task = tasks.create(key, taskId, call.context());
        call.channel().finish(JsonRpcCodec.result(call.request().id(),
                ModernResults.typed(TaskStore.wire(task, false), "task", -1, null)));
        return key;
    }

    private void finishTool(Call call, ToolResult result, Throwable failure) {
        StatelessToolContext context = call.context();
        String taskKey = context.taskKey();
        if (taskKey != null) {
            tasks.update(taskKey, t -> CoreTasks.outcome(t, call.tenant(), call.tool().item().name(), result, failure));
            tasks.finished(taskKey);
            return;
        }
        if (context.missingCapability() != null || context.badAnswer() != null || context.inputRequests() != null
                || call.tool().item().taskSupport() != TaskSupport.REQUIRED) {
            finish(call, ToolMethods.json(call.tenant(), call.tool().item().name(), result, failure), null);
            return;
        }
        if (call.channel().finished()) {
            return; // answered already (the part before the task ran out of time)
        }
        // A tool that only runs as a task but finished without handing over: still a task, finished already.
        String taskId = java.util.UUID.randomUUID().toString();
        String key = TaskStore.key(call.tenant(), call.principal(), taskId);
        tasks.create(key, taskId, null);
        JsonObject done = tasks.update(key, t -> CoreTasks.outcome(t, call.tenant(), call.tool().item().name(), result,
                failure)).orElseThrow();
        call.channel().finish(JsonRpcCodec.result(call.request().id(),
                ModernResults.typed(TaskStore.wire(done, false), "task", -1, null)));
    }

    private void finish(Call call, JsonObject ok, Throwable failure) {
        JsonValue id = call.request().id();
        StatelessToolContext context = call.context();
        ResponseChannel channel = call.channel();
        if (context.missingCapability() != null) {
            JsonObject data = JsonFactories.BUILDERS.createObjectBuilder()
                    .add("requiredCapabilities", context.missingCapability()).build();
            channel.finish(JsonRpcCodec.error(id, new JsonRpcError(-32021,
                    "Missing required client capability", data)), 400);
        } else if (context.badAnswer() != null) {
            channel.finish(JsonRpcCodec.error(id, JsonRpcError.of(JsonRpcError.INVALID_PARAMS, context.badAnswer())));
        } else if (context.inputRequests() != null) {
            JsonObject inputRequired = JsonFactories.BUILDERS.createObjectBuilder()
                    .add("inputRequests", context.inputRequests())
                    .add("requestState", states.seal(call.binding().get(), context.usedAnswers())).build();
            channel.finish(JsonRpcCodec.result(id, ModernResults.typed(inputRequired, "input_required", -1, null)));
        } else if (failure != null) {
            channel.finish(JsonRpcCodec.error(id, modern(PluginErrors.toJsonRpc(failure).error())));
        } else {
            channel.finish(JsonRpcCodec.result(id, call.request().method().equals("resources/read")
                    ? ModernResults.cacheable(ok, 0, false) : ModernResults.complete(ok)));
        }
    }

    /** SEP-2164: 2026-07-28 reports an unknown resource as invalid params (with data.uri), never -32002. */
    private static JsonRpcError modern(JsonRpcError error) {
        return error.code() == ResourceMethods.RESOURCE_NOT_FOUND
                ? new JsonRpcError(JsonRpcError.INVALID_PARAMS, error.message(), error.data()) : error;
    }

    /** The answers of earlier rounds (from the sealed state) and of this request, the latter winning. */
    private static <T> java.util.function.Supplier<T> lazily(java.util.function.Supplier<T> compute) {
        return new java.util.function.Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = compute.get();
                }
                return value;
            }
        };
    }

    private Map<String, JsonValue> offeredAnswers(java.util.function.Supplier<RequestStates.Binding> binding,
                                                  JsonObject params) {
        Map<String, JsonValue> offered = new HashMap<>();
        JsonValue state = params.get("requestState");
        if (state instanceof JsonString token) {
            offered.putAll(states.open(binding.get(), token.getString()));
        } else if (state != null && state != JsonValue.NULL) {
            throw JsonRpcException.of(JsonRpcError.INVALID_PARAMS, "requestState must be a string");
        }
        JsonValue responses = params.get("inputResponses");
        if (responses instanceof JsonObject answers) {
            offered.putAll(answers);
        } else if (responses != null && responses != JsonValue.NULL) {
            throw JsonRpcException.of(JsonRpcError.INVALID_PARAMS, "inputResponses must be an object");
        }
        return offered;
    }

    /** What a requestState is bound to: the request's target and arguments, never its MRTR members or _meta. */
    private static RequestStates.Binding binding(String tenant, String principal, String method,
                                                 JsonObject params) {
        var target = JsonFactories.BUILDERS.createObjectBuilder();
        for (String member : new String[] {"name", "uri", "arguments", "ref", "argument"}) {
            JsonValue v = params.get(member);
            if (v != null) {
                target.add(member, v);
            }
        }
        return new RequestStates.Binding(tenant, principal, method,
                CanonicalJson.digest(target.build()));
    }

    private static JsonObject discover() {
        var b = JsonFactories.BUILDERS;
        JsonArrayBuilder versions = b.createArrayBuilder();
        ProtocolVersions.ALL.forEach(versions::add);
        return b.createObjectBuilder()
                .add("supportedVersions", versions)
                .add("capabilities", b.createObjectBuilder()
                        .add("tools", b.createObjectBuilder().add("listChanged", true))
                        .add("resources", b.createObjectBuilder().add("subscribe", true).add("listChanged", true))
                        .add("prompts", b.createObjectBuilder().add("listChanged", true))
                        .add("completions", JsonValue.EMPTY_JSON_OBJECT)
                        .add("logging", JsonValue.EMPTY_JSON_OBJECT)
                        .add("extensions", b.createObjectBuilder()
                                .add(ModernEnvelope.TASKS_EXTENSION, JsonValue.EMPTY_JSON_OBJECT)))
                .build();
    }

    static JsonRpcException unsupported(String requested) {
        var supported = JsonFactories.BUILDERS.createArrayBuilder();
        ProtocolVersions.ALL.forEach(supported::add);
        JsonObject data = JsonFactories.BUILDERS.createObjectBuilder()
                .add("supported", supported).add("requested", requested).build();
        return new JsonRpcException(null, new JsonRpcError(-32022, "Unsupported protocol version: " + requested,
                data), 400);
    }
}
