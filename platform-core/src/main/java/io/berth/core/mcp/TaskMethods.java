package io.berth.core.mcp;

import io.berth.core.json.JsonFactories;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * {@code tasks/get}, {@code tasks/update} and {@code tasks/cancel} of the tasks extension. A task belongs to the
 * tenant and principal that created it: anyone else asking gets the same -32602 as for a task that never existed.
 */
@ApplicationScoped
class TaskMethods {

    @Inject
    TaskStore tasks;

    JsonObject handle(String tenant, String principal, JsonRpcMessage.Request r, ModernEnvelope envelope) {
        if (!envelope.declaresExtension(ModernEnvelope.TASKS_EXTENSION)) {
            throw missingExtension();
        }
        String taskId = McpMethods.requireString(r.params(), "taskId");
        String key = TaskStore.key(tenant, principal, taskId);
        JsonObject task = tasks.find(key).orElseThrow(() -> unknown(taskId));
        return switch (r.method()) {
            case "tasks/get" -> ModernResults.complete(TaskStore.wire(task, true));
            case "tasks/update" -> update(key, r.params());
            case "tasks/cancel" -> cancel(key);
            default -> throw JsonRpcException.of(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + r.method());
        };
    }

    /** Takes answers to pending input requests; keys not pending (unknown, or answered already) are ignored. */
    private JsonObject update(String key, JsonObject params) {
        if (!(params.get("inputResponses") instanceof JsonObject responses)) {
            throw JsonRpcException.of(JsonRpcError.INVALID_PARAMS, "inputResponses must be an object");
        }
        tasks.update(key, task -> {
            if (!(task.get("inputRequests") instanceof JsonObject pending)) {
                return task;
            }
            JsonObjectBuilder answers = JsonFactories.BUILDERS.createObjectBuilder(TaskStore.answers(task));
            JsonObjectBuilder stillPending = JsonFactories.BUILDERS.createObjectBuilder();
            pending.forEach((k, request) -> {
                JsonValue answer = responses.get(k);
                if (answer != null) {
                    answers.add(k, answer);
                } else {
                    stillPending.add(k, request);
                }
            });
            JsonObject open = stillPending.build();
            JsonObjectBuilder next = JsonFactories.BUILDERS.createObjectBuilder(TaskStore.withAnswers(task,
                    answers.build()));
            return open.isEmpty() ? next.remove("inputRequests").add("status", "working").build()
                    : next.add("inputRequests", open).build();
        });
        tasks.signal(key, "wake");
        return ModernResults.empty();
    }

    /** Cooperative: the task is marked cancelled at once and its code told to stop; a finished task stays as it is. */
    private JsonObject cancel(String key) {
        tasks.update(key, task -> JsonFactories.BUILDERS.createObjectBuilder(task).add("status", "cancelled")
                .add("statusMessage", "Cancelled by the client").remove("inputRequests").build());
        tasks.signal(key, "cancel");
        return ModernResults.empty();
    }

    static JsonRpcException missingExtension() {
        JsonObject data = JsonFactories.BUILDERS.createObjectBuilder().add("requiredCapabilities",
                JsonFactories.BUILDERS.createObjectBuilder().add("extensions", JsonFactories.BUILDERS
                        .createObjectBuilder().add(ModernEnvelope.TASKS_EXTENSION, JsonValue.EMPTY_JSON_OBJECT)))
                .build();
        return new JsonRpcException(null, new JsonRpcError(-32021,
                "This needs the " + ModernEnvelope.TASKS_EXTENSION + " extension", data), 400);
    }

    private static JsonRpcException unknown(String taskId) {
        return JsonRpcException.of(JsonRpcError.INVALID_PARAMS, "Unknown task: " + taskId);
    }
}
