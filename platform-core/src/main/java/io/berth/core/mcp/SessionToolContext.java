package io.berth.core.mcp;

import io.berth.core.json.JsonFactories;
import io.berth.core.json.PlainJson;
import io.berth.core.plugin.CatalogChanges;
import io.berth.sdk.Elicitation;
import io.berth.sdk.InputRequest;
import io.berth.sdk.InputResponses;
import io.berth.sdk.LogLevel;
import io.berth.sdk.ToolException;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A call on a session-era connection: log messages at or above the session's level, and input requested from the
 * client as server-to-client requests on the call's own stream (one at a time), each waited for until the call's
 * deadline.
 */
final class SessionToolContext extends CallContext {

    private final McpSession session;
    private final ClientReplies replies;
    private final Instant deadline;
    private JsonObject capabilities;
    private TaskHooks task;

    /** Where a call running as a 2025-11-25 task reports its status. */
    interface TaskHooks {
        String taskId();

        void status(String message);

        /** The task waits for the client ({@code input_required}) or works again. */
        void waiting(boolean waiting);
    }

    /** Makes this the context of a task: status messages and waits for the client show in the task. */
    void runsAsTask(TaskHooks hooks) {
        this.task = hooks;
    }

    @Override
    public boolean runAsTask() {
        return task != null;
    }

    @Override
    public void status(String message) {
        if (task != null && message != null) {
            task.status(message);
        }
    }

    SessionToolContext(McpSession session, JsonValue progressToken, MessageSink channel, ClientReplies replies,
                       Instant deadline, CatalogChanges changes) {
        super(session.tenantId(), progressToken, channel, changes);
        this.session = session;
        this.replies = replies;
        this.deadline = deadline;
    }

    @Override
    LogLevel logThreshold() {
        return session.logLevel();
    }

    @Override
    public boolean canRequest(InputRequest request) {
        return InputRequestJson.supported(request, capabilities());
    }

    @Override
    public InputResponses requestInput(Map<String, InputRequest> requests) throws ToolException {
        for (InputRequest r : requests.values()) {
            if (!canRequest(r)) {
                throw new ToolException("This client does not support " + r.capability());
            }
        }
        Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        for (Map.Entry<String, InputRequest> e : requests.entrySet()) {
            InputRequest r = e.getValue();
            String elicitationId = r instanceof InputRequest.ElicitUrl ? replies.newRequestId() : null;
            JsonObject answer = request(InputRequestJson.method(r), InputRequestJson.params(r, elicitationId));
            String problem = InputRequestJson.problem(r, answer);
            if (problem != null) {
                throw new ToolException("The client's answer to " + InputRequestJson.method(r) + " " + problem);
            }
            answers.put(e.getKey(), PlainJson.toJava(answer));
        }
        return new InputResponses(answers);
    }

    @Override
    public Elicitation elicit(String message, Map<String, Object> requestedSchema) throws ToolException {
        return requestInput(Map.of("elicitation", new InputRequest.Elicit(message, requestedSchema)))
                .elicitation("elicitation");
    }

    @Override
    public Map<String, Object> createMessage(Map<String, Object> params) throws ToolException {
        return requestInput(Map.of("sampling", new InputRequest.Sample(params))).get("sampling");
    }

    /** Parsed only when needed: most calls never ask the client anything, so the hot path does not pay for it. */
    private JsonObject capabilities() {
        if (capabilities == null) {
            try (JsonReader r = JsonFactories.READERS.createReader(new StringReader(session.clientCapabilities()))) {
                capabilities = r.readObject();
            }
        }
        return capabilities;
    }

    /** Sends a request to the client on this call's stream and waits for its response, until the call's deadline. */
    private JsonObject request(String method, JsonObject params) throws ToolException {
        String id = replies.newRequestId();
        String idJson = "\"" + id + "\"";
        var answer = replies.expect(session.key(), idJson);
        if (task != null) {
            // Requests made for a task say so, so that the client can show them with the task.
            params = JsonFactories.BUILDERS.createObjectBuilder(params).add("_meta", JsonFactories.BUILDERS
                    .createObjectBuilder().add(CoreTasks.RELATED_TASK, JsonFactories.BUILDERS.createObjectBuilder()
                            .add("taskId", task.taskId()))).build();
        }
        try {
            channel.send(JsonFactories.BUILDERS.createObjectBuilder().add("jsonrpc", "2.0").add("id", id)
                    .add("method", method).add("params", params).build().toString());
            if (task != null) {
                task.waiting(true);
            }
            long wait = Math.max(0, deadline.toEpochMilli() - System.currentTimeMillis());
            JsonObject response = answer.get(wait, TimeUnit.MILLISECONDS);
            if (response.get("result") instanceof JsonObject result) {
                return result;
            }
            JsonValue error = response.get("error");
            String reason = error instanceof JsonObject e && e.get("message") instanceof JsonString m
                    ? m.getString() : "no reason given";
            throw new ToolException("The client refused " + method + ": " + reason);
        } catch (TimeoutException e) {
            throw new ToolException("The client did not answer " + method + " in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("The call was interrupted while waiting for the client");
        } catch (ExecutionException e) {
            throw new ToolException("The client's answer to " + method + " could not be read");
        } finally {
            replies.forget(session.key(), idJson);
            if (task != null) {
                task.waiting(false);
            }
        }
    }
}
