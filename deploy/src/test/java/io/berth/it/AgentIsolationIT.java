package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.URI;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What one agent starts belongs to that agent (tenant, issuer, subject): another agent of the same tenant, holding a
 * valid token of its own, cannot use its session (404), post into its legacy stream (404), replay its MRTR request
 * state (-32602) or see its tasks (-32602), whereas the same agent with a refreshed token carries on. Sessions are
 * never credentials: a request without the token is refused even with a live session id.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AgentIsolationIT {

    private static final String MULTI_ROUND = "test_input_required_result_multi_round";
    private static final JsonObject ELICITATION = StatelessClient.json("{\"elicitation\":{}}");
    private static final JsonObject TASKS = StatelessClient.json("{\"elicitation\":{},\"extensions\":{\""
            + StatelessClient.TASKS + "\":{}}}");
    private static String tenant;
    private static Agents.ApiKey alice;
    private static Agents.ApiKey bob;

    @BeforeAll
    static void twoAgents() {
        tenant = McpTenants.secured();
        alice = Agents.apiKey(tenant, "demo.write");
        bob = Agents.apiKey(tenant, "demo.write");
    }

    @AfterAll
    static void noCredentialInTheLogs() {
        UsedCredentials.assertNoneLogged();
    }

    @Test
    void aSessionBelongsToItsAgent() {
        McpClient owner = new McpClient(BerthNodes.nodeA(), tenant, Agents.token(alice));
        assertEquals(200, owner.initialize("2025-11-25").status());
        assertEquals(200, owner.request("tools/list", null).status());

        owner.useToken(Agents.token(alice));
        assertEquals(200, owner.request("tools/list", null).status(), "a refreshed token keeps the session");

        McpClient thief = new McpClient(BerthNodes.nodeA(), tenant, Agents.token(bob));
        thief.useSession(owner.sessionId());
        assertEquals(404, thief.request("tools/list", null).status(), "another agent's session does not exist");
        assertEquals(404, Http.get(thief.endpoint(), concat(Agents.bearer(Agents.token(bob)), "Accept",
                "text/event-stream", "Mcp-Session-Id", owner.sessionId())).status(), "nor does its stream");
        assertEquals(404, thief.delete().status(), "nor can it be ended by another agent");

        McpClient bare = new McpClient(BerthNodes.nodeA(), tenant);
        bare.useSession(owner.sessionId());
        assertEquals(401, bare.request("tools/list", null).status(), "a session id is no credential");

        assertEquals(200, owner.request("tools/list", null).status(), "the owner's session lives on");
        assertEquals(204, owner.delete().status());
    }

    @Test
    void anAnonymousSessionIsNotATokenHoldersSession() {
        String open = McpTenants.fixture();
        McpClient anonymous = new McpClient(BerthNodes.nodeA(), open);
        anonymous.initialize("2025-11-25");
        Agents.ApiKey openKey = Agents.apiKey(open);
        McpClient holder = new McpClient(BerthNodes.nodeA(), open, Agents.token(openKey));
        holder.useSession(anonymous.sessionId());
        assertEquals(404, holder.request("tools/list", null).status());
        assertEquals(200, anonymous.request("tools/list", null).status());
    }

    @Test
    void aLegacyStreamBelongsToItsAgent() throws Exception {
        String aliceToken = Agents.token(alice);
        try (SseEvents stream = SseEvents.get(BerthNodes.nodeA().resolve("/t/" + tenant + "/sse"),
                Agents.bearer(aliceToken))) {
            assertEquals(200, stream.status());
            URI messages = BerthNodes.nodeA().resolve(stream.nextEvent().data());
            String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
            assertEquals(404, Http.send("POST", messages, "application/json", ping,
                    Agents.bearer(Agents.token(bob))).status(), "another agent cannot post into the stream");
            assertEquals(401, Http.send("POST", messages, "application/json", ping).status());
            assertEquals(202, Http.send("POST", messages, "application/json", ping, Agents.bearer(aliceToken))
                    .status());
            assertEquals(1, SseEvents.json(stream.nextEvent().data()).getInt("id"));
        }
        assertEquals(401, Http.get(BerthNodes.nodeA().resolve("/t/" + tenant + "/sse"), "Accept",
                "text/event-stream").status(), "no stream without a token");
    }

    @Test
    void aRequestStateIsBoundToItsAgent() {
        StatelessClient asAlice = StatelessClient.withToken(BerthNodes.nodeA(), tenant, ELICITATION,
                Agents.token(alice));
        StatelessClient asBob = StatelessClient.withToken(BerthNodes.nodeA(), tenant, ELICITATION, Agents.token(bob));
        JsonObject round1 = StatelessClient.result(asAlice.request("tools/call", call(MULTI_ROUND)));
        assertEquals("input_required", round1.getString("resultType"), round1.toString());
        JsonObject retry = Json.createObjectBuilder(call(MULTI_ROUND))
                .add("inputResponses", StatelessClient.json("{\"step1\":{\"action\":\"accept\",\"content\":"
                        + "{\"name\":\"Alice\"}}}"))
                .add("requestState", round1.getString("requestState")).build();

        JsonObject error = StatelessClient.error(asBob.request("tools/call", retry));
        assertEquals(-32602, error.getInt("code"), error.toString());
        assertTrue(error.getString("message").contains("requestState"), error.toString());

        StatelessClient refreshed = StatelessClient.withToken(BerthNodes.nodeA(), tenant, ELICITATION,
                Agents.token(alice));
        assertEquals("input_required", StatelessClient.result(refreshed.request("tools/call", retry))
                .getString("resultType"), "the same agent with a new token goes on to the next round");
    }

    @Test
    void aTaskIsInvisibleToAnotherAgent() {
        StatelessClient asAlice = StatelessClient.withToken(BerthNodes.nodeA(), tenant, TASKS, Agents.token(alice));
        StatelessClient asBob = StatelessClient.withToken(BerthNodes.nodeA(), tenant, TASKS, Agents.token(bob));
        JsonObject created = StatelessClient.result(asAlice.request("tools/call", Json.createObjectBuilder()
                .add("name", "slow_compute").add("arguments", StatelessClient.json("{\"seconds\":30,\"label\":"
                        + "\"isolation\"}")).build()));
        assertEquals("task", created.getString("resultType"), created.toString());
        JsonObject id = Json.createObjectBuilder().add("taskId", created.getString("taskId")).build();

        assertEquals(-32602, StatelessClient.error(asBob.request("tasks/get", id)).getInt("code"));
        assertEquals(-32602, StatelessClient.error(asBob.request("tasks/cancel", id)).getInt("code"));
        assertEquals("working", StatelessClient.result(asAlice.request("tasks/get", id)).getString("status"),
                "another agent's cancel did not reach it");
        StatelessClient.result(asAlice.request("tasks/cancel", id));
    }

    @Test
    void aCoreTaskIsInvisibleToAnotherAgent() {
        McpClient owner = new McpClient(BerthNodes.nodeA(), tenant, Agents.token(alice));
        owner.initialize("2025-11-25");
        JsonObject created = McpClient.result(owner.request("tools/call", "{\"name\":\"slow_compute\","
                + "\"arguments\":{\"seconds\":30,\"label\":\"core\"},\"task\":{\"ttl\":60000}}"));
        String taskId = created.getJsonObject("task").getString("taskId");

        McpClient other = new McpClient(BerthNodes.nodeA(), tenant, Agents.token(bob));
        other.initialize("2025-11-25");
        Http.Response get = other.request("tasks/get", "{\"taskId\":\"" + taskId + "\"}");
        assertEquals(-32602, McpClient.errorCode(get), get.body());
        assertFalse(McpClient.result(other.request("tasks/list", null)).toString().contains(taskId));
        assertTrue(McpClient.result(owner.request("tasks/list", null)).toString().contains(taskId));
        McpClient.result(owner.request("tasks/cancel", "{\"taskId\":\"" + taskId + "\"}"));
    }

    private static JsonObject call(String tool) {
        return Json.createObjectBuilder().add("name", tool).add("arguments", Json.createObjectBuilder()).build();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
