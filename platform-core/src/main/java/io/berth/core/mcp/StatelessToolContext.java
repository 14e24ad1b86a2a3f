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
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A call on a 2026-07-28 (stateless) request. Log messages go out only if the request asked for a level. Input is
 * gathered by multi round-trip requests (MRTR): the answers the client sent with this request (and those of earlier
 * rounds, carried in the sealed {@code requestState}) are handed out; the first request that has no answer yet ends
 * the call with an {@code input_required} result instead, and the client retries with the answers.
 *
 * <p>Whatever the handler does with the exception it gets at that point, the outcome recorded here wins: a plugin
 * that swallows the exception cannot turn a pending input into a result.
 */
final class StatelessToolContext extends CallContext implements TaskStore.Running {

    /** Turns the call into a task: creates it and answers the request with it. Returns the task's key. */
    interface TaskHost {
        String detach(StatelessToolContext context);
    }

    /** Thrown into the handler when it must stop and wait for the client's answers. */
    static final class InputPending extends ToolException {
        private static final long serialVersionUID = 1L;

        InputPending(String message) {
            super(message);
        }
    }

    private final ModernEnvelope envelope;
    private final Map<String, JsonValue> offered;
    private final Map<String, JsonValue> used = new LinkedHashMap<>();
    private Map<String, InputRequest> pending;
    private JsonObject missingCapability;
    private String badAnswer;
    private int autoKeys;
    private TaskHost taskHost;
    private TaskStore tasks;
    private java.time.Instant deadline;
    private volatile String taskKey;
    private final Object answered = new Object();

    /** {@code offered}: the answers of earlier rounds and of this request, by key. */
    StatelessToolContext(String tenantId, ModernEnvelope envelope, Map<String, JsonValue> offered,
                         MessageSink channel, CatalogChanges changes) {
        super(tenantId, envelope.progressToken(), channel, changes);
        this.envelope = envelope;
        this.offered = offered;
    }

    /** Lets the call become a task (a task-capable tool, a client with the tasks extension) until {@code deadline}. */
    void allowTask(TaskHost host, TaskStore store, java.time.Instant until) {
        this.taskHost = host;
        this.tasks = store;
        this.deadline = until;
    }

    @Override
    public boolean runAsTask() {
        synchronized (this) {
            if (taskKey != null) {
                return true;
            }
            if (taskHost == null || pending != null || missingCapability != null || badAnswer != null) {
                return false;
            }
            taskKey = taskHost.detach(this);
            return true;
        }
    }

    /** The task this call became, or null. */
    String taskKey() {
        return taskKey;
    }

    @Override
    public void status(String message) {
        if (taskKey != null && message != null) {
            tasks.update(taskKey, t -> JsonFactories.BUILDERS.createObjectBuilder(t).add("statusMessage", message)
                    .build());
        }
    }

    @Override
    public void wake() {
        synchronized (answered) {
            answered.notifyAll();
        }
    }

    @Override
    public void cancel() {
        super.cancel();
        wake();
    }

    @Override
    LogLevel logThreshold() {
        return envelope.logLevel();
    }

    @Override
    public boolean canRequest(InputRequest request) {
        return InputRequestJson.supported(request, envelope.clientCapabilities());
    }

    @Override
    public InputResponses requestInput(Map<String, InputRequest> requests) throws ToolException {
        return taskKey != null ? awaitOnTask(requests) : requestRound(requests);
    }

    /**
     * Inside a task: the requests wait in the task ({@code input_required}, shown by tasks/get) until tasks/update
     * has answered every one of them, the task is cancelled, or its deadline passes.
     */
    private InputResponses awaitOnTask(Map<String, InputRequest> requests) throws ToolException {
        for (InputRequest r : requests.values()) {
            if (!canRequest(r)) {
                throw new ToolException("This client does not support " + r.capability());
            }
        }
        while (true) {
            if (cancelled()) {
                throw new ToolException("The task was cancelled");
            }
            JsonObject task = tasks.find(taskKey).orElseThrow(() -> new ToolException("The task has expired"));
            if (TaskStore.terminal(task)) {
                // Cancelled (or otherwise ended) even if the signal to this node was lost: the store is the truth.
                super.cancel();
                throw new ToolException("cancelled".equals(task.getString("status", "")) ? "The task was cancelled"
                        : "The task has ended");
            }
            JsonObject answers = TaskStore.answers(task);
            Map<String, InputRequest> open = new LinkedHashMap<>();
            requests.forEach((k, r) -> {
                if (!answers.containsKey(k)) {
                    open.put(k, r);
                }
            });
            if (open.isEmpty()) {
                Map<String, Map<String, Object>> result = new LinkedHashMap<>();
                for (Map.Entry<String, InputRequest> e : requests.entrySet()) {
                    String problem = InputRequestJson.problem(e.getValue(), answers.get(e.getKey()));
                    if (problem != null) {
                        throw new ToolException("The answer to " + e.getKey() + " " + problem);
                    }
                    result.put(e.getKey(), PlainJson.toJava(answers.getJsonObject(e.getKey())));
                }
                tasks.update(taskKey, t -> JsonFactories.BUILDERS.createObjectBuilder(t).add("status", "working")
                        .remove("inputRequests").build());
                return new InputResponses(result);
            }
            JsonObjectBuilder asked = JsonFactories.BUILDERS.createObjectBuilder();
            open.forEach((k, r) -> asked.add(k, InputRequestJson.entry(r)));
            JsonObject inputRequests = asked.build();
            if (!inputRequests.equals(task.get("inputRequests"))) {
                tasks.update(taskKey, t -> JsonFactories.BUILDERS.createObjectBuilder(t)
                        .add("status", "input_required").add("inputRequests", inputRequests).build());
            }
            long left = deadline.toEpochMilli() - System.currentTimeMillis();
            if (left <= 0) {
                throw new ToolException("No answer came before the task's deadline");
            }
            synchronized (answered) {
                try {
                    // Signals are best effort (a node may miss one); the store is the truth, so look again soon.
                    answered.wait(Math.min(left, 1_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ToolException("The task was interrupted");
                }
            }
        }
    }

    private synchronized InputResponses requestRound(Map<String, InputRequest> requests) throws ToolException {
        if (pending != null || missingCapability != null || badAnswer != null) {
            throw new InputPending("The call is waiting for the client");
        }
        for (InputRequest r : requests.values()) {
            if (!canRequest(r)) {
                missingCapability = InputRequestJson.requiredCapability(r);
                throw new InputPending("This client does not support " + r.capability());
            }
        }
        Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        Map<String, InputRequest> unanswered = new LinkedHashMap<>();
        for (Map.Entry<String, InputRequest> e : requests.entrySet()) {
            JsonValue answer = offered.get(e.getKey());
            if (answer == null) {
                unanswered.put(e.getKey(), e.getValue());
                continue;
            }
            String problem = InputRequestJson.problem(e.getValue(), answer);
            if (problem != null) {
                badAnswer = "inputResponses[\"" + e.getKey() + "\"] " + problem;
                throw new InputPending(badAnswer);
            }
            used.put(e.getKey(), answer);
            answers.put(e.getKey(), PlainJson.toJava((JsonObject) answer));
        }
        if (!unanswered.isEmpty()) {
            pending = unanswered;
            throw new InputPending("The call needs input from the client");
        }
        return new InputResponses(answers);
    }

    @Override
    public Elicitation elicit(String message, Map<String, Object> requestedSchema) throws ToolException {
        String key = nextKey("elicitation");
        return requestInput(Map.of(key, new InputRequest.Elicit(message, requestedSchema))).elicitation(key);
    }

    @Override
    public Map<String, Object> createMessage(Map<String, Object> params) throws ToolException {
        String key = nextKey("sampling");
        return requestInput(Map.of(key, new InputRequest.Sample(params))).get(key);
    }

    /** Keys for the convenience methods: deterministic, because the handler runs again on every round. */
    private synchronized String nextKey(String kind) {
        return kind + "-" + (++autoKeys);
    }

    /** The {@code data.requiredCapabilities} of a -32021 answer, or null. */
    synchronized JsonObject missingCapability() {
        return missingCapability;
    }

    /** What is wrong with an answer the client sent, or null. */
    synchronized String badAnswer() {
        return badAnswer;
    }

    /** The {@code inputRequests} of an {@code input_required} answer, or null when the call needs nothing. */
    synchronized JsonObject inputRequests() {
        if (pending == null) {
            return null;
        }
        JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder();
        pending.forEach((key, request) -> b.add(key, InputRequestJson.entry(request)));
        return b.build();
    }

    /** The answers the handler consumed, to carry into the next round's sealed state. */
    synchronized JsonObject usedAnswers() {
        JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder();
        used.forEach(b::add);
        return b.build();
    }
}
