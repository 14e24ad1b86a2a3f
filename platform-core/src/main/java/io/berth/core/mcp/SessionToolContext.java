package io.berth.core.mcp;

import io.berth.core.json.JsonFactories;
import io.berth.core.json.PlainJson;
import io.berth.sdk.Elicitation;
import io.berth.sdk.LogLevel;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolException;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
 * What a tool running in a session-era call can reach: progress (when the caller asked for it), log messages at or
 * above the session's level, and requests to the client (elicitation, sampling) when the client declared them. All
 * travel on the call's own response stream.
 */
final class SessionToolContext implements ToolContext {

    private final McpSession session;
    private final JsonValue progressToken;
    private final MessageSink channel;
    private final ClientReplies replies;
    private final Instant deadline;
    private volatile boolean cancelled;
    private double lastProgress = Double.NEGATIVE_INFINITY;

    SessionToolContext(McpSession session, JsonValue progressToken, MessageSink channel, ClientReplies replies,
                       Instant deadline) {
        this.session = session;
        this.progressToken = progressToken;
        this.channel = channel;
        this.replies = replies;
        this.deadline = deadline;
    }

    @Override
    public String tenantId() {
        return session.tenantId();
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public synchronized void progress(double progress, Double total, String message) {
        // Progress must strictly increase (utilities/progress): a report that does not is dropped.
        if (progressToken == null || progress <= lastProgress) {
            return;
        }
        lastProgress = progress;
        JsonObjectBuilder params = JsonFactories.BUILDERS.createObjectBuilder()
                .add("progressToken", progressToken).add("progress", progress);
        if (total != null) {
            params.add("total", total);
        }
        if (message != null) {
            params.add("message", message);
        }
        channel.send(notification("notifications/progress", params.build()));
    }

    @Override
    public void log(LogLevel level, String logger, Object data) {
        if (level.ordinal() < session.logLevel().ordinal()) {
            return;
        }
        JsonObjectBuilder params = JsonFactories.BUILDERS.createObjectBuilder().add("level", level.wire());
        if (logger != null) {
            params.add("logger", logger);
        }
        params.add("data", PlainJson.toJson(data));
        channel.send(notification("notifications/message", params.build()));
    }

    @Override
    public Elicitation elicit(String message, Map<String, Object> requestedSchema) throws ToolException {
        requireCapability("elicitation");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("message", message);
        params.put("requestedSchema", requestedSchema);
        JsonObject result = request("elicitation/create", PlainJson.toJsonObject(params));
        if (!(result.get("action") instanceof JsonString action)) {
            throw new ToolException("The client answered the elicitation without an action");
        }
        JsonValue content = result.get("content");
        return new Elicitation(action.getString(),
                content instanceof JsonObject o ? PlainJson.toJava(o) : null);
    }

    @Override
    public Map<String, Object> createMessage(Map<String, Object> params) throws ToolException {
        requireCapability("sampling");
        return PlainJson.toJava(request("sampling/createMessage", PlainJson.toJsonObject(params)));
    }

    /** Parsed only here: most calls never ask the client anything, so the hot path does not pay for it. */
    private void requireCapability(String capability) throws ToolException {
        JsonObject declared;
        try (var r = JsonFactories.READERS.createReader(new StringReader(session.clientCapabilities()))) {
            declared = r.readObject();
        }
        if (!declared.containsKey(capability)) {
            throw new ToolException("This client does not support " + capability);
        }
    }

    /** Sends a request to the client on this call's stream and waits for its response, until the call's deadline. */
    private JsonObject request(String method, JsonObject params) throws ToolException {
        String id = replies.newRequestId();
        String idJson = "\"" + id + "\"";
        var answer = replies.expect(session.key(), idJson);
        try {
            channel.send(JsonFactories.BUILDERS.createObjectBuilder().add("jsonrpc", "2.0").add("id", id)
                    .add("method", method).add("params", params).build().toString());
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
        }
    }

    private static String notification(String method, JsonObject params) {
        return JsonFactories.BUILDERS.createObjectBuilder().add("jsonrpc", "2.0").add("method", method)
                .add("params", params).build().toString();
    }
}
