package io.berth.core.plugin.worker;

import io.berth.sdk.CatalogList;
import io.berth.sdk.Elicitation;
import io.berth.sdk.InputRequest;
import io.berth.sdk.InputResponses;
import io.berth.sdk.LogLevel;
import io.berth.sdk.Root;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A host-side ToolContext that records what a worker plugin did with it and answers input as a client would. */
class RecordingContext implements ToolContext {

    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<String> threads = Collections.synchronizedList(new ArrayList<>());
    private final String tenant;
    volatile boolean cancelled;

    RecordingContext(String tenant) {
        this.tenant = tenant;
    }

    private void record(String event) {
        events.add(event);
        threads.add(Thread.currentThread().getName());
    }

    @Override
    public String tenantId() {
        return tenant;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public void progress(double progress, Double total, String message) {
        record("progress " + progress + "/" + total + " " + message);
    }

    @Override
    public void log(LogLevel level, String logger, Object data) {
        record("log " + level + " " + logger + " " + data);
    }

    @Override
    public void status(String message) {
        record("status " + message);
    }

    @Override
    public void listChanged(CatalogList list) {
        record("listChanged " + list);
    }

    @Override
    public void resourceUpdated(String uri) {
        record("resourceUpdated " + uri);
    }

    @Override
    public boolean canRequest(InputRequest request) {
        record("canRequest " + request.capability());
        return true;
    }

    @Override
    public boolean runAsTask() {
        record("runAsTask");
        return false;
    }

    @Override
    public InputResponses requestInput(Map<String, InputRequest> requests) throws ToolException {
        record("requestInput " + requests.keySet());
        Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        requests.forEach((k, r) -> answers.put(k, r instanceof InputRequest.ListRoots
                ? Map.of("roots", List.of(Map.of("uri", "file:///work", "name", "work")))
                : Map.of("action", "accept", "content", Map.of("name", "Ada"))));
        return new InputResponses(answers);
    }

    @Override
    public Elicitation elicit(String message, Map<String, Object> requestedSchema) {
        record("elicit " + message);
        return new Elicitation("decline", null);
    }

    @Override
    public List<Root> listRoots() {
        record("listRoots");
        return List.of(new Root("file:///work", "work"));
    }

    @Override
    public Map<String, Object> createMessage(Map<String, Object> params) throws ToolException {
        record("createMessage");
        throw new ToolException("This client does not support sampling");
    }
}
