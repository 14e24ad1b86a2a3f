package io.berth.it;

import static io.berth.it.StatelessClient.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MCP 2026-07-28 is stateless: any node of the cluster serves any request, with nothing sticky. Each scenario hops
 * between node A and node B of the PostgreSQL cluster: the rounds of one MRTR call, a task's life (created on one
 * node, read, answered and cancelled on the other), a list change announced on one node and heard by a
 * {@code subscriptions/listen} stream held by the other, and the header and envelope checks, which both nodes make
 * alike.
 */
class StatelessClusterIT {

    /** Generous for a loaded 2-core CI machine; cluster propagation takes milliseconds. */
    private static final Duration PROPAGATION = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String MULTI_ROUND = "test_input_required_result_multi_round";
    private static final String DYNAMIC_TOOL = "test_dynamic_tool";
    private static final JsonObject ELICITATION = json("{\"elicitation\":{}}");
    private static final JsonObject TASKS_AND_ELICITATION =
            json("{\"elicitation\":{},\"extensions\":{\"" + StatelessClient.TASKS + "\":{}}}");

    private static String tenant;

    @BeforeAll
    static void clusterFormed() {
        // With -Dit.test the Failsafe excludes do not apply, so the single-node H2 run may pick this class up too.
        assumeTrue(BerthNodes.all().size() >= 2, "a cluster scenario: needs two nodes");
        BerthNodes.awaitReady();
        for (URI node : BerthNodes.all()) {
            await("both members in " + node).atMost(Duration.ofSeconds(60)).until(() ->
                    Http.get(node.resolve("/health/ready")).body().contains("\"members\":2"));
        }
        tenant = McpTenants.fixture();
    }

    private static StatelessClient onA(JsonObject capabilities) {
        return new StatelessClient(BerthNodes.nodeA(), tenant, capabilities);
    }

    private static StatelessClient onB(JsonObject capabilities) {
        return new StatelessClient(BerthNodes.nodeB(), tenant, capabilities);
    }

    // --- 1. MRTR: the rounds of one call go to different nodes -------------------------------------------------------

    @Test
    void multiRoundInputHopsBetweenNodes() {
        JsonObject round1 = StatelessClient.result(onA(ELICITATION).request("tools/call", call(MULTI_ROUND, "{}")));
        assertEquals("input_required", round1.getString("resultType"), round1.toString());
        assertTrue(round1.getJsonObject("inputRequests").containsKey("step1"), round1.toString());
        String state1 = round1.getString("requestState");

        JsonObject round2 = StatelessClient.result(onB(ELICITATION).request("tools/call", retry(MULTI_ROUND, "{}",
                "{\"step1\":{\"action\":\"accept\",\"content\":{\"name\":\"Alice\"}}}", state1)));
        assertEquals("input_required", round2.getString("resultType"), "node B continues A's call: " + round2);
        assertTrue(round2.getJsonObject("inputRequests").containsKey("step2"), round2.toString());
        String state2 = round2.getString("requestState");
        assertNotEquals(state1, state2, "the second round seals the first answer into a new state");

        JsonObject done = StatelessClient.result(onA(ELICITATION).request("tools/call", retry(MULTI_ROUND, "{}",
                "{\"step2\":{\"action\":\"accept\",\"content\":{\"color\":\"blue\"}}}", state2)));
        assertEquals("complete", done.getString("resultType"), done.toString());
        assertEquals("Alice likes blue", StatelessClient.text(done),
                "node A finishes with the answer given to B (from the state) and its own: " + done);
    }

    @Test
    void requestStateWorksOnlyForTheRequestItWasMintedFor() {
        JsonObject round1 = StatelessClient.result(onA(ELICITATION).request("tools/call", call(MULTI_ROUND, "{}")));
        String state = round1.getString("requestState");
        String answer = "{\"step1\":{\"action\":\"accept\",\"content\":{\"name\":\"Alice\"}}}";
        StatelessClient peer = new StatelessClient(BerthNodes.nodeB(), McpTenants.peer(), ELICITATION);

        // Sanity: the state itself is good, on the other node too, so the refusals below are about the binding.
        assertEquals("input_required", StatelessClient.result(onB(ELICITATION).request("tools/call",
                retry(MULTI_ROUND, "{}", answer, state))).getString("resultType"));
        assertAll(
                () -> assertStateRefused("other arguments", onB(ELICITATION).request("tools/call",
                        retry(MULTI_ROUND, "{\"extra\":\"x\"}", answer, state))),
                () -> assertStateRefused("another tool", onB(ELICITATION).request("tools/call",
                        retry("test_input_required_result_request_state", "{}", answer, state))),
                () -> assertStateRefused("another tenant with the same tool", peer.request("tools/call",
                        retry(MULTI_ROUND, "{}", answer, state))),
                () -> assertStateRefused("one character changed", onB(ELICITATION).request("tools/call",
                        retry(MULTI_ROUND, "{}", answer, flipOneCharacter(state)))));
    }

    /**
     * -32602, and about the state: the message is checked because a wrong argument or an unknown tool is -32602 too,
     * and those would pass this test for the wrong reason.
     */
    private static void assertStateRefused(String replay, Http.Response r) {
        JsonObject error = StatelessClient.error(r);
        assertEquals(-32602, error.getInt("code"), replay + ": " + r.body());
        assertTrue(error.getString("message").contains("requestState"), replay + ", refused for the state: "
                + r.body());
    }

    private static String flipOneCharacter(String state) {
        int i = state.length() / 2;
        char c = state.charAt(i);
        return state.substring(0, i) + (c == 'A' ? 'B' : 'A') + state.substring(i + 1);
    }

    // --- 2. Tasks: created on one node, read, answered and cancelled on the other -----------------------------------

    @Test
    void taskCancelledOnTheOtherNodeStaysCancelled() {
        JsonObject created = StatelessClient.result(onA(TASKS_AND_ELICITATION).request("tools/call",
                call("slow_compute", "{\"seconds\":30,\"label\":\"cluster-cancel\"}")));
        assertEquals("task", created.getString("resultType"), created.toString());
        String taskId = created.getString("taskId");

        JsonObject seenOnB = task(onB(TASKS_AND_ELICITATION), taskId);
        assertEquals("working", seenOnB.getString("status"), "node B reads the task A runs: " + seenOnB);

        JsonObject ack = StatelessClient.result(onB(TASKS_AND_ELICITATION).request("tasks/cancel", taskIdParams(taskId)));
        assertEquals("complete", ack.getString("resultType"), ack.toString());

        JsonObject cancelled = await("cancelled, as seen on node A").atMost(PROPAGATION).pollInterval(POLL)
                .until(() -> task(onA(TASKS_AND_ELICITATION), taskId), t -> "cancelled".equals(t.getString("status")));
        // The computation reports its status every second while it runs; for three of its seconds the task must not
        // change again: no later status, no result, on either node.
        Instant until = Instant.now().plusSeconds(3);
        while (Instant.now().isBefore(until)) {
            for (StatelessClient node : List.of(onA(TASKS_AND_ELICITATION), onB(TASKS_AND_ELICITATION))) {
                JsonObject t = task(node, taskId);
                assertEquals("cancelled", t.getString("status"), node.endpoint() + ": " + t);
                assertEquals(cancelled.getString("lastUpdatedAt"), t.getString("lastUpdatedAt"),
                        "nothing changes a cancelled task, " + node.endpoint() + ": " + t);
                assertFalse(t.containsKey("result"), t.toString());
            }
            pause(POLL);
        }
    }

    @Test
    void taskWaitingForInputIsAnsweredOnTheOtherNode() {
        JsonObject created = StatelessClient.result(onA(TASKS_AND_ELICITATION).request("tools/call",
                call("confirm_delete", "{\"filename\":\"cluster.txt\"}")));
        assertEquals("task", created.getString("resultType"), created.toString());
        String taskId = created.getString("taskId");

        JsonObject waiting = await("input_required, as seen on node B").atMost(PROPAGATION).pollInterval(POLL)
                .until(() -> task(onB(TASKS_AND_ELICITATION), taskId),
                        t -> "input_required".equals(t.getString("status")));
        assertTrue(waiting.getJsonObject("inputRequests").containsKey("confirm"), waiting.toString());

        JsonObject ack = StatelessClient.result(onB(TASKS_AND_ELICITATION).request("tasks/update", json(
                "{\"taskId\":\"" + taskId + "\",\"inputResponses\":{\"confirm\":"
                        + "{\"action\":\"accept\",\"content\":{\"confirm\":true}}}}")));
        assertEquals("complete", ack.getString("resultType"), ack.toString());

        JsonObject done = await("completed, as seen on node A").atMost(PROPAGATION).pollInterval(POLL)
                .until(() -> task(onA(TASKS_AND_ELICITATION), taskId), terminal());
        assertEquals("completed", done.getString("status"), done.toString());
        String text = StatelessClient.text(done.getJsonObject("result"));
        assertTrue(text.contains("confirmed"), "the answer given on B reached the task running on A: " + text);
    }

    private static JsonObject task(StatelessClient node, String taskId) {
        JsonObject t = StatelessClient.result(node.request("tasks/get", taskIdParams(taskId)));
        assertEquals(taskId, t.getString("taskId"), t.toString());
        return t;
    }

    private static Predicate<JsonObject> terminal() {
        return t -> List.of("completed", "failed", "cancelled").contains(t.getString("status"));
    }

    private static JsonObject taskIdParams(String taskId) {
        return Json.createObjectBuilder().add("taskId", taskId).build();
    }

    // --- 3. subscriptions/listen: a change announced on A reaches a listener on B ------------------------------------

    @Test
    void listChangeOnOneNodeReachesListenerOnTheOther() throws Exception {
        boolean dynamicOnA = lists(onA(ELICITATION), DYNAMIC_TOOL);
        boolean dynamicOnB = lists(onB(ELICITATION), DYNAMIC_TOOL);
        String toolsId = "listen-tools-" + UUID.randomUUID();
        String promptsId = "listen-prompts-" + UUID.randomUUID();
        try (ListenStream tools = ListenStream.open(onB(ELICITATION), toolsId, json("{\"toolsListChanged\":true}"));
             ListenStream prompts = ListenStream.open(onB(ELICITATION), promptsId,
                     json("{\"promptsListChanged\":true}"))) {
            assertAcknowledged(tools, "toolsListChanged");
            assertAcknowledged(prompts, "promptsListChanged");

            trigger("test_trigger_tool_change");
            try {
                JsonObject changed = tools.expect(PROPAGATION, "notifications/tools/list_changed");
                assertEquals("notifications/tools/list_changed", changed.getString("method"), changed.toString());
                assertEquals(Json.createValue(toolsId), ListenStream.subscriptionId(changed), changed.toString());

                // The prompts listener must not have had the tools change: after a prompt change on A, the prompt
                // change is the first thing it gets (changes from one node arrive in order).
                trigger("test_trigger_prompt_change");
                try {
                    JsonObject next = prompts.expect(PROPAGATION, "notifications/prompts/list_changed");
                    assertEquals("notifications/prompts/list_changed", next.getString("method"),
                            "a listener that asked for prompts only: " + next);
                    assertEquals(Json.createValue(promptsId), ListenStream.subscriptionId(next), next.toString());
                } finally {
                    trigger("test_trigger_prompt_change"); // back as it was
                }

                // The fixture keeps its toggle in its plugin instance, and each node has its own instance: node A
                // (where the trigger ran) lists the changed list, node B re-read its own plugin, which did not change.
                assertEquals(!dynamicOnA, lists(onA(ELICITATION), DYNAMIC_TOOL),
                        "node A, whose fixture toggled " + DYNAMIC_TOOL);
                assertEquals(dynamicOnB, lists(onB(ELICITATION), DYNAMIC_TOOL),
                        "node B: its own fixture instance was not toggled (per-node plugin state)");
            } finally {
                trigger("test_trigger_tool_change"); // back as it was
            }
        }
    }

    private static void assertAcknowledged(ListenStream stream, String granted) throws InterruptedException {
        JsonObject ack = stream.expect(PROPAGATION, "notifications/subscriptions/acknowledged");
        assertEquals("notifications/subscriptions/acknowledged", ack.getString("method"), "first message: " + ack);
        assertEquals(Json.createValue(stream.id()), ListenStream.subscriptionId(ack),
                "the subscription id is the listen request's id: " + ack);
        JsonObject notifications = ack.getJsonObject("params").getJsonObject("notifications");
        assertEquals(json("{\"" + granted + "\":true}"), notifications, "granted exactly what was asked: " + ack);
    }

    private static void trigger(String tool) {
        JsonObject r = StatelessClient.result(onA(ELICITATION).request("tools/call", call(tool, "{}")));
        assertEquals("complete", r.getString("resultType"), r.toString());
    }

    private static boolean lists(StatelessClient node, String tool) {
        JsonObject r = StatelessClient.result(node.request("tools/list", JsonObject.EMPTY_JSON_OBJECT));
        return r.getJsonArray("tools").stream()
                .anyMatch(t -> t.asJsonObject().get("name") instanceof JsonString s && s.getString().equals(tool));
    }

    // --- 4. Header and envelope checks, on every node -----------------------------------------------------------------

    @Test
    void headerAndEnvelopeErrorsAreTheSameOnEveryNode() {
        for (URI node : BerthNodes.all()) {
            StatelessClient c = new StatelessClient(node, tenant, ELICITATION);
            assertAll(node.toString(),
                    () -> missingEnvelope(c),
                    () -> versionMismatch(c),
                    () -> unsupportedVersion(c),
                    () -> unknownMethod(c));
        }
    }

    private static void missingEnvelope(StatelessClient c) {
        Http.Response r = c.post("{\"jsonrpc\":\"2.0\",\"id\":\"no-envelope\",\"method\":\"tools/list\",\"params\":{}}",
                "MCP-Protocol-Version", StatelessClient.VERSION, "Mcp-Method", "tools/list");
        assertRefused(r, 400, -32602, "no-envelope", "modern header, no _meta envelope");
    }

    private static void versionMismatch(StatelessClient c) {
        JsonObject body = c.body(Json.createValue("mismatch"), "tools/list", JsonObject.EMPTY_JSON_OBJECT);
        Http.Response r = c.post(body, "MCP-Protocol-Version", "2025-11-25", "Mcp-Method", "tools/list");
        assertRefused(r, 400, -32020, "mismatch", "header 2025-11-25, body 2026-07-28");
    }

    private static void unsupportedVersion(StatelessClient c) {
        String body = c.body(Json.createValue("unsupported"), "tools/list", JsonObject.EMPTY_JSON_OBJECT).toString()
                .replace(StatelessClient.VERSION, "2099-01-01");
        Http.Response r = c.post(body, "MCP-Protocol-Version", "2099-01-01", "Mcp-Method", "tools/list");
        assertRefused(r, 400, -32022, "unsupported", "version 2099-01-01");
        JsonObject data = r.json().getJsonObject("error").getJsonObject("data");
        assertNotNull(data, "-32022 names the supported versions: " + r.body());
        List<String> supported = data.getJsonArray("supported").getValuesAs(JsonString::getString);
        assertTrue(supported.containsAll(List.of("2026-07-28", "2025-11-25")), r.body());
        assertEquals("2099-01-01", data.getString("requested"), r.body());
    }

    private static void unknownMethod(StatelessClient c) {
        JsonObject body = c.body(Json.createValue("unknown"), "tools/frobnicate", JsonObject.EMPTY_JSON_OBJECT);
        Http.Response r = c.post(body, StatelessClient.routingHeaders("tools/frobnicate", body));
        assertRefused(r, 404, -32601, "unknown", "unknown method");
    }

    private static void assertRefused(Http.Response r, int status, int code, String id, String what) {
        assertEquals(status, r.status(), what + ": " + r.body());
        assertTrue(r.contentType().startsWith("application/json"), what + ": a JSON-RPC body, " + r.contentType());
        JsonObject m = r.json();
        assertEquals(code, m.getJsonObject("error").getInt("code"), what + ": " + r.body());
        assertEquals(Json.createValue(id), m.get("id"), what + ": the error carries the request id");
    }

    @Test
    void sessionEraInitializeStillWorksOnEveryNode() {
        for (URI node : BerthNodes.all()) {
            McpClient legacy = new McpClient(node, tenant);
            Http.Response init = legacy.initialize("2025-11-25");
            assertEquals(200, init.status(), node + ": " + init.body());
            assertEquals("2025-11-25", McpClient.result(init).getString("protocolVersion"), init.body());
            assertNotNull(legacy.sessionId(), node + ": initialize still opens a session");
            JsonObject tools = McpClient.result(legacy.request("tools/list", null));
            assertTrue(tools.getJsonArray("tools").toString().contains("\"" + MULTI_ROUND + "\""), tools.toString());
            assertEquals(204, legacy.delete().status());
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    private static JsonObject call(String tool, String arguments) {
        return json("{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}");
    }

    private static JsonObject retry(String tool, String arguments, String inputResponses, String requestState) {
        return Json.createObjectBuilder(call(tool, arguments))
                .add("inputResponses", json(inputResponses))
                .add("requestState", requestState)
                .build();
    }

    /** Paces a check that something stays as it is; never used to wait for something to happen. */
    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
