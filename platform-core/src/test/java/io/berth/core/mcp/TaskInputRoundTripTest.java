package io.berth.core.mcp;

import static io.berth.core.mcp.Json.obj;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.cluster.ClusterMember;
import io.berth.core.cluster.TestClusterMembers;
import io.berth.sdk.Elicitation;
import io.berth.sdk.InputRequest;
import io.berth.sdk.InputResponses;
import io.berth.sdk.ToolException;

import jakarta.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A call that became a task asks for input: the request waits in the task (tasks/get shows it) until tasks/update
 * answers it, tasks/cancel stops it, or the task's deadline passes. Real Hazelcast, real {@link TaskMethods}.
 */
class TaskInputRoundTripTest {

    private static final ModernEnvelope ENVELOPE = new ModernEnvelope("2026-07-28", obj("{'elicitation':{},"
            + "'extensions':{'io.modelcontextprotocol/tasks':{}}}"), null, null);
    private static final InputRequest LOGIN = new InputRequest.Elicit("Login?", Map.of("type", "object",
            "properties", Map.of("name", Map.of("type", "string"))));

    private static ClusterMember member;
    private static TaskStore store;
    private static TaskMethods methods;

    private final ExecutorService handlerThread = Executors.newSingleThreadExecutor();
    private StatelessToolContext context;
    private String taskId;

    @BeforeAll
    static void cluster() {
        member = TestClusterMembers.start("task-input-test-" + UUID.randomUUID(), List.of());
        store = TaskStoreTest.store(member);
        methods = new TaskMethods();
        methods.tasks = store;
    }

    @AfterAll
    static void leave() {
        TestClusterMembers.stop(member);
    }

    @BeforeEach
    void aCallThatBecameATask() {
        context = new StatelessToolContext("acme", ENVELOPE, Map.of(), new RecordingSink(), null);
        allowTaskUntil(Instant.now().plusSeconds(60));
        assertTrue(context.runAsTask());
    }

    private void allowTaskUntil(Instant deadline) {
        context.allowTask(ctx -> {
            taskId = UUID.randomUUID().toString();
            String key = TaskStore.key("acme", "alice", taskId);
            store.create(key, taskId, ctx);
            return key;
        }, store, deadline);
    }

    @AfterEach
    void stopHandler() {
        handlerThread.shutdownNow();
    }

    private JsonObject tasks(String method, String extraParams) {
        JsonObject params = obj("{'taskId':'" + taskId + "'" + (extraParams.isEmpty() ? "" : "," + extraParams) + "}");
        return methods.handle("acme", "alice", new JsonRpcMessage.Request(Json.value("9"), method, params), ENVELOPE);
    }

    private Future<InputResponses> askInBackground(Map<String, InputRequest> requests) {
        return handlerThread.submit(() -> context.requestInput(requests));
    }

    private void awaitInputRequired() {
        await().atMost(Duration.ofSeconds(10)).until(() -> "input_required".equals(
                tasks("tasks/get", "").getString("status")));
    }

    private static ToolException failure(Future<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(ToolException.class, e.getCause());
    }

    @Test
    void theRequestWaitsInTheTaskUntilTasksUpdateAnswersIt() throws Exception {
        Future<InputResponses> answered = askInBackground(Map.of("login", LOGIN));
        awaitInputRequired();
        JsonObject shown = tasks("tasks/get", "");
        assertEquals(obj("{'login':" + InputRequestJson.entry(LOGIN) + "}"), shown.getJsonObject("inputRequests"));
        assertFalse(answered.isDone());

        tasks("tasks/update", "'inputResponses':{'login':{'action':'accept','content':{'name':'octocat'}}}");

        InputResponses r = answered.get(10, TimeUnit.SECONDS);
        assertEquals(new Elicitation("accept", Map.of("name", "octocat")), r.elicitation("login"));
        JsonObject after = tasks("tasks/get", "");
        assertEquals("working", after.getString("status"));
        assertFalse(after.containsKey("inputRequests"));
    }

    @Test
    void tasksCancelStopsAWaitingRequest() {
        Future<InputResponses> waiting = askInBackground(Map.of("login", LOGIN));
        awaitInputRequired();

        tasks("tasks/cancel", "");

        assertEquals("The task was cancelled", failure(waiting).getMessage());
        assertTrue(context.cancelled());
        assertEquals("cancelled", tasks("tasks/get", "").getString("status"));
    }

    @Test
    void aMalformedAnswerFailsTheRequest() {
        Future<InputResponses> waiting = askInBackground(Map.of("login", LOGIN));
        awaitInputRequired();

        tasks("tasks/update", "'inputResponses':{'login':{'action':'perhaps'}}");

        assertEquals("The answer to login must have an action of accept, decline or cancel",
                failure(waiting).getMessage());
    }

    @Test
    void anUndeclaredCapabilityFailsAtOnceAndLeavesTheTaskAlone() {
        Future<InputResponses> refused = askInBackground(Map.of("draft",
                new InputRequest.Sample(Map.of("messages", List.of(), "maxTokens", 1))));
        assertEquals("This client does not support sampling", failure(refused).getMessage());
        assertEquals("working", tasks("tasks/get", "").getString("status"));
    }

    @Test
    void theDeadlineEndsTheWait() {
        context = new StatelessToolContext("acme", ENVELOPE, Map.of(), new RecordingSink(), null);
        allowTaskUntil(Instant.now().plusMillis(300));
        assertTrue(context.runAsTask());

        assertEquals("No answer came before the task's deadline",
                failure(askInBackground(Map.of("login", LOGIN))).getMessage());
    }

    @Test
    void aVanishedTaskEndsTheWait() {
        Future<InputResponses> waiting = askInBackground(Map.of("login", LOGIN));
        awaitInputRequired();

        member.hazelcast().getMap(TaskStore.MAP).delete(context.taskKey());
        context.wake();

        assertEquals("The task has expired", failure(waiting).getMessage());
    }

    @Test
    void aCancellationWhoseSignalWasMissedStillEndsTheWait() {
        Future<InputResponses> waiting = askInBackground(Map.of("login", LOGIN));
        awaitInputRequired();

        // tasks/cancel on a node whose topic message never arrives: the store says cancelled, no cancel() call
        store.update(context.taskKey(), t -> io.berth.core.json.JsonFactories.BUILDERS.createObjectBuilder(t).add("status", "cancelled")
                .remove("inputRequests").build());
        context.wake();

        assertEquals("The task was cancelled", failure(waiting).getMessage());
    }

    @Test
    void statusMessagesGoIntoTheTask() {
        context.status("Half way");
        assertEquals("Half way", tasks("tasks/get", "").getString("statusMessage"));
    }
}
