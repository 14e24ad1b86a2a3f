package io.berth.sdk.testing;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link ToolContext} for tests: it records what the tool reports and answers its input requests from a script.
 * By default the client declares elicitation, sampling and roots, does not support tasks, and is not cancelled.
 *
 * <p>Answers are the MCP results as plain-Java JSON ({@link #accept}, {@link #decline}, {@link #sampled},
 * {@link #roots} build the common ones), given per input key ({@link #answer}) or by a function of the request
 * ({@link #answerWith}). When {@link ToolTester} runs the call, input works as on Berth's 2026-07-28 connections: a
 * request without an answer yet ends the round, the client answers, and the handler runs again from the start (see
 * {@link InputRequest}), so a handler that is not deterministic before it asks shows it in your test. Used on its
 * own, the context answers at once.
 */
public class TestContext implements ToolContext {

    /** One {@link ToolContext#progress} report. */
    public record Progress(double progress, Double total, String message) {
    }

    /** One {@link ToolContext#log} message. */
    public record Log(LogLevel level, String logger, Object data) {
    }

    /** Thrown into the handler when a round ends for the client's answers, as Berth does. */
    static final class InputPending extends ToolException {
        private static final long serialVersionUID = 1L;

        InputPending(String message) {
            super(message);
        }
    }

    private final String tenantId;
    private final Map<String, Map<String, Object>> script = new LinkedHashMap<>();
    private Function<InputRequest, Map<String, Object>> client;
    private final Set<String> capabilities = new LinkedHashSet<>(List.of("elicitation", "sampling", "roots"));
    private boolean tasksSupported;
    private int cancelAfterProgress = -1;
    private volatile boolean cancelled;

    private final List<Progress> progress = Collections.synchronizedList(new ArrayList<>());
    private final List<Log> logs = Collections.synchronizedList(new ArrayList<>());
    private final List<String> statuses = Collections.synchronizedList(new ArrayList<>());
    private final List<Map<String, InputRequest>> inputRequests = Collections.synchronizedList(new ArrayList<>());
    private final List<CatalogList> listChanges = Collections.synchronizedList(new ArrayList<>());
    private final List<String> resourceUpdates = Collections.synchronizedList(new ArrayList<>());

    /** The state of one call, which {@link ToolTester} drives. */
    private boolean replaying;
    private boolean taskAllowed = true;
    private final Map<String, Map<String, Object>> sent = new LinkedHashMap<>();
    private Map<String, InputRequest> pending;
    private boolean ranAsTask;
    private int autoKeys;
    private double lastProgress = Double.NEGATIVE_INFINITY;
    private int runs;

    /** A context for tenant {@code test-tenant}. */
    public TestContext() {
        this("test-tenant");
    }

    public TestContext(String tenantId) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    }

    // --- the script ---------------------------------------------------------------------------------------------

    /** The client's answer to the input request with key {@code key}. */
    public TestContext answer(String key, Map<String, ?> answer) {
        script.put(key, WireJson.object(answer, "answer " + key));
        return this;
    }

    /** The client's answer to every request {@link #answer} does not cover. */
    public TestContext answerWith(Function<InputRequest, Map<String, ?>> client) {
        this.client = request -> WireJson.object(client.apply(request), "answer");
        return this;
    }

    /** The capabilities the client declares ({@code elicitation}, {@code sampling}, {@code roots}); replaces all. */
    public TestContext capabilities(String... capabilities) {
        this.capabilities.clear();
        this.capabilities.addAll(List.of(capabilities));
        return this;
    }

    /** The client supports tasks: {@link #runAsTask()} succeeds for tools that may run as tasks. */
    public TestContext supportTasks() {
        this.tasksSupported = true;
        return this;
    }

    /** Cancels the call once the tool has reported progress {@code reports} times. */
    public TestContext cancelAfterProgress(int reports) {
        this.cancelAfterProgress = reports;
        return this;
    }

    /** Cancels the call now (from another thread, or before the call). */
    public void cancel() {
        cancelled = true;
    }

    /** An accepted elicitation with {@code content}. */
    public static Map<String, Object> accept(Map<String, ?> content) {
        return Map.of("action", "accept", "content", content);
    }

    /** A declined elicitation. */
    public static Map<String, Object> decline() {
        return Map.of("action", "decline");
    }

    /** A sampling result whose content is {@code text}. */
    public static Map<String, Object> sampled(String text) {
        return Map.of("role", "assistant", "content", Map.of("type", "text", "text", text), "model", "test-model",
                "stopReason", "endTurn");
    }

    /** A roots/list result. */
    public static Map<String, Object> roots(Root... roots) {
        List<Object> list = new ArrayList<>();
        for (Root root : roots) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("uri", root.uri());
            if (root.name() != null) {
                entry.put("name", root.name());
            }
            list.add(entry);
        }
        return Map.of("roots", list);
    }

    // --- what was recorded --------------------------------------------------------------------------------------

    public List<Progress> progress() {
        return List.copyOf(progress);
    }

    public List<Log> logs() {
        return List.copyOf(logs);
    }

    /** Task status messages (Berth shows them only while the call runs as a task). */
    public List<String> statuses() {
        return List.copyOf(statuses);
    }

    /** Every {@link #requestInput} (and elicit, createMessage, listRoots), in order, across all rounds. */
    public List<Map<String, InputRequest>> inputRequests() {
        return List.copyOf(inputRequests);
    }

    public List<CatalogList> listChanges() {
        return List.copyOf(listChanges);
    }

    public List<String> resourceUpdates() {
        return List.copyOf(resourceUpdates);
    }

    /** Whether the last call became a task. */
    public boolean ranAsTask() {
        return ranAsTask;
    }

    /** How many times the handler ran in the last call: one, plus one per round that waited for input. */
    public int runs() {
        return runs;
    }

    // --- ToolContext --------------------------------------------------------------------------------------------

    @Override
    public String tenantId() {
        return tenantId;
    }

    @Override
    public void progress(double progress, Double total, String message) {
        if (progress <= lastProgress) {
            throw new IllegalStateException("progress must grow with each report: " + progress + " after "
                    + lastProgress);
        }
        lastProgress = progress;
        this.progress.add(new Progress(progress, total, message));
    }

    @Override
    public boolean cancelled() {
        return cancelled || cancelAfterProgress >= 0 && progress.size() >= cancelAfterProgress;
    }

    @Override
    public void log(LogLevel level, String logger, Object data) {
        logs.add(new Log(Objects.requireNonNull(level, "level"), logger, WireJson.value(data, "log data")));
    }

    @Override
    public void status(String message) {
        statuses.add(message);
    }

    @Override
    public void listChanged(CatalogList list) {
        listChanges.add(list);
    }

    @Override
    public void resourceUpdated(String uri) {
        resourceUpdates.add(uri);
    }

    @Override
    public boolean canRequest(InputRequest request) {
        return capabilities.contains(request.capability());
    }

    @Override
    public boolean runAsTask() {
        if (tasksSupported && taskAllowed && pending == null) {
            ranAsTask = true;
        }
        return ranAsTask;
    }

    @Override
    public Elicitation elicit(String message, Map<String, Object> requestedSchema) throws ToolException {
        String key = "elicitation-" + ++autoKeys;
        return requestInput(Map.of(key, new InputRequest.Elicit(message, requestedSchema))).elicitation(key);
    }

    @Override
    public Map<String, Object> createMessage(Map<String, Object> params) throws ToolException {
        String key = "sampling-" + ++autoKeys;
        return requestInput(Map.of(key, new InputRequest.Sample(params))).get(key);
    }

    @Override
    public InputResponses requestInput(Map<String, InputRequest> requests) throws ToolException {
        inputRequests.add(Map.copyOf(requests));
        if (pending != null) {
            throw new InputPending("The call is waiting for the client");
        }
        for (InputRequest r : requests.values()) {
            if (!canRequest(r)) {
                throw new ToolException("This client does not support " + r.capability());
            }
        }
        Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        Map<String, InputRequest> unanswered = new LinkedHashMap<>();
        requests.forEach((key, request) -> {
            if (sent.containsKey(key)) {
                answers.put(key, sent.get(key));
            } else if (replaying && !ranAsTask) {
                unanswered.put(key, request);
            } else {
                answers.put(key, clientAnswer(key, request));
            }
        });
        if (!unanswered.isEmpty()) {
            pending = unanswered;
            throw new InputPending("The call needs input from the client");
        }
        return new InputResponses(answers);
    }

    // --- driven by ToolTester -----------------------------------------------------------------------------------

    /** Starts a call: no answers sent yet, tasks allowed if the tool declares task support. */
    void startCall(boolean replay, boolean taskCapable) {
        replaying = replay;
        taskAllowed = taskCapable;
        sent.clear();
        ranAsTask = false;
        runs = 0;
    }

    /** Starts one run of the handler. */
    void startRound() {
        pending = null;
        autoKeys = 0;
        lastProgress = Double.NEGATIVE_INFINITY;
        runs++;
    }

    /** Whether the round ended waiting for input; if so, the client answers it for the next round. */
    boolean answerPending() {
        if (pending == null) {
            return false;
        }
        pending.forEach((key, request) -> sent.put(key, clientAnswer(key, request)));
        return true;
    }

    boolean tasksSupported() {
        return tasksSupported;
    }

    private Map<String, Object> clientAnswer(String key, InputRequest request) {
        Map<String, Object> answer = script.get(key);
        if (answer == null && client != null) {
            answer = client.apply(request);
        }
        if (answer == null) {
            throw new IllegalStateException("the test gives no answer to input " + key + " (" + request
                    + "): use answer(key, ...) or answerWith(...)");
        }
        return answer;
    }
}
