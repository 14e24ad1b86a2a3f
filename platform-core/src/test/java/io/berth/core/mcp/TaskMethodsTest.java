package io.berth.core.mcp;

import static io.berth.core.mcp.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.core.cluster.ClusterMember;
import io.berth.core.cluster.TestClusterMembers;
import io.berth.core.json.JsonFactories;

import jakarta.json.JsonObject;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** tasks/get, tasks/update and tasks/cancel against tasks in a real embedded Hazelcast member. */
class TaskMethodsTest {

    private static final ModernEnvelope WITH_TASKS = new ModernEnvelope("2026-07-28",
            obj("{'extensions':{'io.modelcontextprotocol/tasks':{}}}"), null, null);
    private static final String ASK_LOGIN = "{'method':'elicitation/create','params':{'message':'Login?',"
            + "'requestedSchema':{'type':'object','properties':{'name':{'type':'string'}}}}}";
    private static final String ASK_ROOTS = "{'method':'roots/list','params':{}}";
    private static final String LOGIN = "{'action':'accept','content':{'name':'octocat'}}";
    private static final String ROOTS = "{'roots':[]}";

    private static ClusterMember member;
    private static TaskStore store;
    private static TaskMethods methods;

    private String taskId;
    private String key;
    private TaskStoreTest.CountingRun run;

    @BeforeAll
    static void cluster() {
        member = TestClusterMembers.start("task-methods-test-" + UUID.randomUUID(), List.of());
        store = TaskStoreTest.store(member);
        methods = new TaskMethods();
        methods.tasks = store;
    }

    @AfterAll
    static void leave() {
        TestClusterMembers.stop(member);
    }

    @BeforeEach
    void aWorkingTask() {
        taskId = UUID.randomUUID().toString();
        key = TaskStore.key("acme", "alice", taskId);
        run = new TaskStoreTest.CountingRun();
        store.create(key, taskId, run);
    }

    private static JsonObject handle(String tenant, String principal, String method, JsonObject params,
                                     ModernEnvelope envelope) {
        return methods.handle(tenant, principal, new JsonRpcMessage.Request(Json.value("1"), method, params),
                envelope);
    }

    private JsonObject call(String method, String extraParams) {
        return handle("acme", "alice", method, params(extraParams), WITH_TASKS);
    }

    private JsonObject params(String extraParams) {
        return obj("{'taskId':'" + taskId + "'" + (extraParams.isEmpty() ? "" : "," + extraParams) + "}");
    }

    private JsonObject stored() {
        return store.find(key).orElseThrow();
    }

    private void awaitInput(String inputRequests) {
        store.update(key, t -> JsonFactories.BUILDERS.createObjectBuilder(t).add("status", "input_required")
                .add("inputRequests", obj(inputRequests)).build());
    }

    private void end(String status, String extra) {
        store.update(key, t -> JsonFactories.BUILDERS.createObjectBuilder(t).addAll(
                JsonFactories.BUILDERS.createObjectBuilder(obj("{'status':'" + status + "'" + extra + "}"))).build());
    }

    private static JsonRpcException refused(Runnable call) {
        return assertThrows(JsonRpcException.class, call::run);
    }

    private void assertUnknown(JsonRpcException e, String id) {
        assertEquals(-32602, e.error().code());
        assertEquals("Unknown task: " + id, e.error().message());
        assertNull(e.error().data());
        assertEquals(200, e.httpStatus());
    }

    // --- the extension --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"tasks/get", "tasks/update", "tasks/cancel"})
    void withoutTheTasksExtensionEveryTaskMethodIsMissingCapability(String method) {
        for (String caps : new String[] {"{}", "{'extensions':{}}", "{'extensions':{'io.modelcontextprotocol/tasks':true}}",
                "{'io.modelcontextprotocol/tasks':{}}"}) {
            JsonRpcException e = refused(() -> handle("acme", "alice", method,
                    params("'inputResponses':{}"), new ModernEnvelope("2026-07-28", obj(caps), null, null)));
            assertEquals(-32021, e.error().code());
            assertEquals(400, e.httpStatus());
            assertEquals("This needs the io.modelcontextprotocol/tasks extension", e.error().message());
            assertEquals(obj("{'requiredCapabilities':{'extensions':{'io.modelcontextprotocol/tasks':{}}}}"),
                    e.error().data());
        }
        assertEquals("working", stored().getString("status"));
        assertEquals(0, run.cancels.get() + run.wakes.get());
    }

    // --- who may see a task ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"tasks/get", "tasks/update", "tasks/cancel"})
    void anUnknownTaskIsInvalidParams(String method) {
        String unknown = UUID.randomUUID().toString();
        assertUnknown(refused(() -> handle("acme", "alice", method,
                obj("{'taskId':'" + unknown + "','inputResponses':{}}"), WITH_TASKS)), unknown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasks/get", "tasks/update", "tasks/cancel"})
    void anotherPrincipalOrTenantGetsTheSameAnswerAsForAnUnknownTask(String method) {
        awaitInput("{'login':" + ASK_LOGIN + "}");
        JsonObject p = params("'inputResponses':{'login':" + LOGIN + "}");
        assertUnknown(refused(() -> handle("acme", "bob", method, p, WITH_TASKS)), taskId);
        assertUnknown(refused(() -> handle("other", "alice", method, p, WITH_TASKS)), taskId);
        assertUnknown(refused(() -> handle("acme", "Alice", method, p, WITH_TASKS)), taskId);
        assertEquals("input_required", stored().getString("status"));
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, TaskStore.answers(stored()));
        assertEquals(0, run.cancels.get() + run.wakes.get());
    }

    @Test
    void aTaskIdCannotReachIntoAnotherPrincipalsKey() {
        String id = UUID.randomUUID().toString();
        store.create(TaskStore.key("acme", "alice:x", id), id, null);
        assertUnknown(refused(() -> handle("acme", "alice", "tasks/get", obj("{'taskId':'x:" + id + "'}"),
                WITH_TASKS)), "x:" + id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{'taskId':7}", "{'taskId':null}", "{'taskId':['a']}"})
    void aMissingOrNonStringTaskIdIsInvalidParams(String p) {
        JsonRpcException e = refused(() -> handle("acme", "alice", "tasks/get", obj(p), WITH_TASKS));
        assertEquals(-32602, e.error().code());
        assertEquals("taskId must be a string", e.error().message());
    }

    // --- tasks/get ------------------------------------------------------------------------------------------------

    @Test
    void getAnswersTheTaskAsACompleteResultWithServerInfo() {
        JsonObject r = call("tasks/get", "");
        assertEquals("complete", r.getString("resultType"));
        assertEquals(McpMethods.SERVER_NAME, r.getJsonObject("_meta")
                .getJsonObject("io.modelcontextprotocol/serverInfo").getString("name"));
        JsonObject task = stored();
        for (String member : task.keySet()) {
            assertEquals(task.get(member), r.get(member), member);
        }
        assertEquals(task.size() + 2, r.size());
    }

    @Test
    void getShowsPendingInputButNeverTheAnswersGathered() {
        awaitInput("{'login':" + ASK_LOGIN + ",'where':" + ASK_ROOTS + "}");
        call("tasks/update", "'inputResponses':{'login':" + LOGIN + "}");

        JsonObject r = call("tasks/get", "");

        assertEquals("input_required", r.getString("status"));
        assertEquals(obj("{'where':" + ASK_ROOTS + "}"), r.getJsonObject("inputRequests"));
        assertFalse(r.containsKey("answers"));
        assertFalse(r.toString().contains("octocat"), r.toString());
    }

    @Test
    void getShowsTheResultOfACompletedTask() {
        end("completed", ",'result':{'content':[{'type':'text','text':'done'}],'isError':true}");
        JsonObject r = call("tasks/get", "");
        assertEquals("completed", r.getString("status"));
        assertEquals(obj("{'content':[{'type':'text','text':'done'}],'isError':true}"), r.getJsonObject("result"));
        assertEquals("complete", r.getString("resultType"));
    }

    // --- tasks/update ---------------------------------------------------------------------------------------------

    @Test
    void aPartialUpdateKeepsOnlyTheStillPendingRequests() {
        awaitInput("{'login':" + ASK_LOGIN + ",'where':" + ASK_ROOTS + "}");

        JsonObject ack = call("tasks/update", "'inputResponses':{'login':" + LOGIN + ",'unknown':{'x':1}}");

        assertEquals(ModernResults.empty(), ack);
        JsonObject task = stored();
        assertEquals("input_required", task.getString("status"));
        assertEquals(obj("{'where':" + ASK_ROOTS + "}"), task.getJsonObject("inputRequests"));
        assertEquals(obj("{'login':" + LOGIN + "}"), TaskStore.answers(task));
        assertEquals(1, run.wakes.get());
    }

    @Test
    void answeringEverythingSetsTheTaskWorkingAgain() {
        awaitInput("{'login':" + ASK_LOGIN + ",'where':" + ASK_ROOTS + "}");
        call("tasks/update", "'inputResponses':{'login':" + LOGIN + "}");

        call("tasks/update", "'inputResponses':{'where':" + ROOTS + ",'login':{'action':'decline'}}");

        JsonObject task = stored();
        assertEquals("working", task.getString("status"));
        assertFalse(task.containsKey("inputRequests"));
        assertEquals(obj("{'login':" + LOGIN + ",'where':" + ROOTS + "}"), TaskStore.answers(task),
                "an answered key is not answered again");
        assertEquals(2, run.wakes.get());
    }

    @Test
    void allAnswersAtOnce() {
        awaitInput("{'login':" + ASK_LOGIN + ",'where':" + ASK_ROOTS + "}");
        call("tasks/update", "'inputResponses':{'where':" + ROOTS + ",'login':" + LOGIN + "}");
        JsonObject task = stored();
        assertEquals("working", task.getString("status"));
        assertFalse(task.containsKey("inputRequests"));
        assertEquals(obj("{'login':" + LOGIN + ",'where':" + ROOTS + "}"), TaskStore.answers(task));
    }

    @Test
    void onlyUnknownKeysChangeNothing() {
        awaitInput("{'login':" + ASK_LOGIN + "}");
        JsonObject before = stored();
        call("tasks/update", "'inputResponses':{'nope':" + LOGIN + "}");
        JsonObject after = stored();
        assertEquals(before.getJsonObject("inputRequests"), after.getJsonObject("inputRequests"));
        assertEquals("input_required", after.getString("status"));
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, TaskStore.answers(after));
    }

    @Test
    void anUpdateWhileNothingIsPendingChangesNothing() {
        call("tasks/update", "'inputResponses':{'login':" + LOGIN + "}");
        JsonObject task = stored();
        assertEquals("working", task.getString("status"));
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, TaskStore.answers(task));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "'inputResponses':null", "'inputResponses':'x'", "'inputResponses':[]",
            "'inputResponses':1"})
    void inputResponsesMustBeAnObject(String extra) {
        awaitInput("{'login':" + ASK_LOGIN + "}");
        JsonRpcException e = refused(() -> call("tasks/update", extra));
        assertEquals(-32602, e.error().code());
        assertEquals("inputResponses must be an object", e.error().message());
        assertEquals(obj("{'login':" + ASK_LOGIN + "}"), stored().getJsonObject("inputRequests"));
        assertEquals(0, run.wakes.get());
    }

    // --- tasks/cancel ---------------------------------------------------------------------------------------------

    @Test
    void cancelMarksTheTaskCancelledAndTellsItsCode() {
        awaitInput("{'login':" + ASK_LOGIN + "}");

        JsonObject ack = call("tasks/cancel", "");

        assertEquals(ModernResults.empty(), ack);
        JsonObject task = stored();
        assertEquals("cancelled", task.getString("status"));
        assertEquals("Cancelled by the client", task.getString("statusMessage"));
        assertFalse(task.containsKey("inputRequests"));
        assertEquals(1, run.cancels.get());
        assertEquals("cancelled", call("tasks/get", "").getString("status"));
    }

    @Test
    void aCancelledTaskIgnoresLaterUpdatesAndCancels() {
        awaitInput("{'login':" + ASK_LOGIN + "}");
        call("tasks/cancel", "");
        JsonObject cancelled = stored();

        call("tasks/update", "'inputResponses':{'login':" + LOGIN + "}");
        call("tasks/cancel", "");

        assertEquals(cancelled, stored());
    }

    @ParameterizedTest
    @ValueSource(strings = {"completed", "failed"})
    void aFinishedTaskStaysAsItIs(String status) {
        end(status, ",'statusMessage':'the end'");
        JsonObject finished = stored();

        assertEquals(ModernResults.empty(), call("tasks/cancel", ""));
        call("tasks/update", "'inputResponses':{'login':" + LOGIN + "}");

        assertEquals(finished, stored());
        assertEquals(status, call("tasks/get", "").getString("status"));
    }
}
