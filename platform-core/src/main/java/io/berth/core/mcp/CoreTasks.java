package io.berth.core.mcp;

import io.berth.core.json.JsonFactories;
import io.berth.core.plugin.CatalogChanges;
import io.berth.core.plugin.Deployed;
import io.berth.core.plugin.PluginCallException;
import io.berth.core.plugin.PluginCatalog;
import io.berth.core.plugin.PluginConfig;
import io.berth.sdk.TaskSupport;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolResult;

import com.hazelcast.query.Predicates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * Tasks as 2025-11-25 defines them (experimental there; an extension from 2026-07-28 on): a {@code tools/call} with a
 * {@code task} parameter gets a task handle at once and runs on; {@code tasks/get}, {@code tasks/result} (waits for
 * the end), {@code tasks/list} and {@code tasks/cancel}. The state lives in the same cluster-wide {@link TaskStore} as
 * extension tasks, keyed by tenant and principal, so tasks are never seen across that boundary. Requests the tool makes
 * to the client go on the session's stream, tagged with the task.
 */
@ApplicationScoped
class CoreTasks {

    static final String RELATED_TASK = "io.modelcontextprotocol/related-task";
    private static final long RESULT_POLL_MS = 200;

    @Inject
    TaskStore tasks;

    @Inject
    PluginCatalog catalogs;

    @Inject
    ToolMethods tools;

    @Inject
    ClientReplies replies;

    @Inject
    SessionStreams streams;

    @Inject
    PluginConfig pluginConfig;

    @Inject
    CatalogChanges changes;

    static boolean speaks(McpSession session) {
        return ProtocolVersions.LATEST.equals(session.protocolVersion());
    }

    static JsonObject capability() {
        var b = JsonFactories.BUILDERS;
        return b.createObjectBuilder().add("list", JsonValue.EMPTY_JSON_OBJECT)
                .add("cancel", JsonValue.EMPTY_JSON_OBJECT)
                .add("requests", b.createObjectBuilder().add("tools", b.createObjectBuilder()
                        .add("call", JsonValue.EMPTY_JSON_OBJECT))).build();
    }

    /** Whether this {@code tools/call} must be refused for its task parameter (or the lack of one): -32601. */
    void checkAugmentation(McpSession session, JsonObject params) {
        if (!speaks(session) || !(params.get("name") instanceof JsonString name)) {
            return;
        }
        Tool tool = catalogs.of(session.tenantId()).tool(name.getString()).map(Deployed::item).orElse(null);
        if (tool == null) {
            return;
        }
        boolean augmented = params.get("task") instanceof JsonObject;
        if (augmented && tool.taskSupport() == TaskSupport.FORBIDDEN) {
            throw JsonRpcException.of(JsonRpcError.METHOD_NOT_FOUND, "Tool " + name.getString()
                    + " does not run as a task");
        }
        if (!augmented && tool.taskSupport() == TaskSupport.REQUIRED) {
            throw JsonRpcException.of(JsonRpcError.METHOD_NOT_FOUND, "Tool " + name.getString()
                    + " runs only as a task: call it with a task parameter");
        }
    }

    static boolean augmented(McpSession session, JsonObject params) {
        return speaks(session) && params.get("task") instanceof JsonObject;
    }

    /** Starts the call as a task and returns the {@code CreateTaskResult}. */
    JsonObject start(McpSession session, JsonObject params) {
        Deployed<Tool> tool = ToolMethods.find(catalogs.of(session.tenantId()), params, session.caller().scopes());
        String taskId = UUID.randomUUID().toString();
        String key = TaskStore.key(session.tenantId(), session.principal(), taskId);
        MessageSink toSession = new MessageSink() {
            @Override
            public void send(String message) {
                streams.deliver(session.key(), message);
            }

            @Override
            public void finish(String message) {
                // the outcome goes to the task, not to a response
            }
        };
        SessionToolContext context = new SessionToolContext(session, null, toSession, replies,
                Instant.now().plus(pluginConfig.taskTimeout()), changes);
        context.caller(session.caller());
        JsonObject task = tasks.create(key, taskId, new TaskStore.Running() {
            @Override
            public void wake() {
                // answers arrive as responses to the tool's requests (ClientReplies), not through the task
            }

            @Override
            public void cancel() {
                context.cancel();
            }
        });
        context.runsAsTask(new SessionToolContext.TaskHooks() {
            @Override
            public String taskId() {
                return taskId;
            }

            @Override
            public void status(String message) {
                tasks.update(key, t -> JsonFactories.BUILDERS.createObjectBuilder(t).add("statusMessage", message)
                        .build());
            }

            @Override
            public void waiting(boolean waiting) {
                tasks.update(key, t -> JsonFactories.BUILDERS.createObjectBuilder(t)
                        .add("status", waiting ? "input_required" : "working").build());
            }
        });
        tools.invoke(tool, params, context, pluginConfig.taskTimeout()).whenComplete((result, failure) -> {
            tasks.update(key, t -> outcome(t, session.tenantId(), tool.item().name(), result, failure));
            tasks.finished(key);
        });
        return JsonFactories.BUILDERS.createObjectBuilder().add("task", wire(task)).build();
    }

    JsonObject get(McpSession session, JsonObject params) {
        return wire(find(session, params));
    }

    JsonObject list(McpSession session, JsonObject params) {
        String prefix = TaskStore.key(session.tenantId(), session.principal(), "");
        List<JsonObject> all = tasks.all(Predicates.like("__key", escapeLike(prefix) + "%")).stream()
                .sorted(java.util.Comparator.comparing(CoreTasks::listKey)).toList();
        Pages.Page<JsonObject> page = Pages.of(all, CoreTasks::listKey, params);
        JsonArrayBuilder list = JsonFactories.BUILDERS.createArrayBuilder();
        page.items().forEach(t -> list.add(wire(t)));
        return page.cursorInto(JsonFactories.BUILDERS.createObjectBuilder().add("tasks", list)).build();
    }

    /** Tasks are listed oldest first; the id breaks ties. */
    private static String listKey(JsonObject task) {
        return task.getString("createdAt") + ' ' + task.getString("taskId");
    }

    JsonObject cancel(McpSession session, JsonObject params) {
        JsonObject task = find(session, params);
        String key = TaskStore.key(session.tenantId(), session.principal(), task.getString("taskId"));
        JsonObject cancelled = tasks.update(key, t -> JsonFactories.BUILDERS.createObjectBuilder(t)
                        .add("status", "cancelled").add("statusMessage", "Cancelled by the client").build())
                .orElseThrow(() -> JsonRpcException.of(JsonRpcError.INVALID_PARAMS,
                        "Task " + task.getString("taskId") + " has ended already"));
        tasks.signal(key, "cancel");
        return wire(cancelled);
    }

    /** {@code tasks/result}: answered through {@code sink} once the task has ended. */
    void result(McpSession session, JsonRpcMessage.Request r, MessageSink sink) {
        JsonObject task = find(session, r.params());
        String key = TaskStore.key(session.tenantId(), session.principal(), task.getString("taskId"));
        awaitEnd(key, r, sink, Instant.now().plus(pluginConfig.taskTimeout()));
    }

    private void awaitEnd(String key, JsonRpcMessage.Request r, MessageSink sink, Instant deadline) {
        JsonObject task = tasks.find(key).orElse(null);
        if (task == null) {
            sink.finish(JsonRpcCodec.error(r.id(), JsonRpcError.of(JsonRpcError.INVALID_PARAMS, "The task expired")));
        } else if (TaskStore.terminal(task)) {
            sink.finish(finalAnswer(r.id(), task));
        } else if (Instant.now().isAfter(deadline)) {
            sink.finish(JsonRpcCodec.error(r.id(), JsonRpcError.of(JsonRpcError.INTERNAL_ERROR,
                    "The task did not end in time")));
        } else {
            streams.schedule(() -> awaitEnd(key, r, sink, deadline), RESULT_POLL_MS);
        }
    }

    private static String finalAnswer(JsonValue id, JsonObject task) {
        String taskId = task.getString("taskId");
        JsonObject related = JsonFactories.BUILDERS.createObjectBuilder().add(RELATED_TASK,
                JsonFactories.BUILDERS.createObjectBuilder().add("taskId", taskId)).build();
        if (task.get("result") instanceof JsonObject result) {
            return JsonRpcCodec.result(id, JsonFactories.BUILDERS.createObjectBuilder(result).add("_meta", related)
                    .build());
        }
        if (task.get("error") instanceof JsonObject error) {
            return JsonRpcCodec.error(id, new JsonRpcError(error.getInt("code"), error.getString("message"), null));
        }
        return JsonRpcCodec.error(id, JsonRpcError.of(JsonRpcError.INTERNAL_ERROR, "The task was cancelled"));
    }

    private JsonObject find(McpSession session, JsonObject params) {
        String taskId = McpMethods.requireString(params, "taskId");
        return tasks.find(TaskStore.key(session.tenantId(), session.principal(), taskId))
                .orElseThrow(() -> JsonRpcException.of(JsonRpcError.INVALID_PARAMS, "Unknown task: " + taskId));
    }

    /** The same outcome rule as extension tasks: a tool's own error is a result, a broken call a failure. */
    static JsonObject outcome(JsonObject task, String tenant, String tool, ToolResult result, Throwable failure) {
        JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder(task).remove("inputRequests");
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause != null && !(cause instanceof PluginCallException e && e.kind() == PluginCallException.Kind.REFUSED)) {
            String message = cause instanceof PluginCallException e ? e.getMessage() : "The task failed";
            return b.add("status", "failed").add("error", JsonFactories.BUILDERS.createObjectBuilder()
                    .add("code", JsonRpcError.INTERNAL_ERROR).add("message", message)).build();
        }
        return b.add("status", "completed").add("result", ToolMethods.json(tenant, tool, result, failure)).build();
    }

    /** A task in 2025-11-25's words: {@code ttl} and {@code pollInterval}, no results inline. */
    private static JsonObject wire(JsonObject task) {
        JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder(TaskStore.wire(task, false));
        b.remove("ttlMs").remove("pollIntervalMs").add("ttl", task.getJsonNumber("ttlMs"))
                .add("pollInterval", task.getJsonNumber("pollIntervalMs"));
        return b.build();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
