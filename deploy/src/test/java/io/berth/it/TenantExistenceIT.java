package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A stranger cannot tell whether a tenant exists or is suspended: a tenant that never existed, a deleted one and a
 * suspended one answer every agent-facing request of a caller without a credential of theirs exactly as an active
 * tenant without anonymous access and without scoped offerings does (status, challenge, body; the tenant id aside).
 * Only a credential of the suspended tenant learns that it is suspended.
 */
class TenantExistenceIT {

    private static final URI NODE = BerthNodes.nodeA();
    private static final OperatorClient OPERATOR = new OperatorClient(NODE);

    private static String active;
    private static String suspended;
    private static Agents.ApiKey suspendedKey;
    private static String suspendedToken;
    private static Map<String, String> notServed;
    private static Agents.ApiKey otherTenantsKey;

    @BeforeAll
    static void tenants() {
        BerthNodes.awaitReady();
        active = created("exists");
        otherTenantsKey = Agents.apiKey(created("holder"));
        suspended = created("paused");
        suspendedKey = Agents.apiKey(suspended);
        suspendedToken = Agents.token(suspendedKey);
        assertEquals(200, OPERATOR.suspend(suspended).status());
        String deleted = created("deleted");
        assertEquals(204, OPERATOR.delete(deleted).status());
        notServed = new LinkedHashMap<>();
        notServed.put("never created", OperatorClient.uniqueTenantId("never"));
        notServed.put("deleted", deleted);
        notServed.put("suspended", suspended);
    }

    @AfterAll
    static void noCredentialInTheLogs() {
        UsedCredentials.assertNoneLogged();
    }

    private static String created(String prefix) {
        String id = OperatorClient.uniqueTenantId(prefix);
        assertEquals(201, OPERATOR.create(id, prefix).status());
        return id;
    }

    @Test
    void anAnonymousMcpRequestGetsTheSameChallenge() {
        Answer expected = Answer.of(TenantGate.call(NODE, active), active);
        assertEquals(401, expected.status());
        assertTrue(expected.challenge().contains("resource_metadata=\"" + BerthNodes.https()
                + "/.well-known/oauth-protected-resource/t/{t}/mcp\""), expected.challenge());
        notServed.forEach((what, t) -> assertEquals(expected, Answer.of(TenantGate.call(NODE, t), t), what));
    }

    @Test
    void theDiscoveryDocumentsAndKeysAreTheSame() {
        for (String path : new String[] {"/.well-known/oauth-protected-resource/t/{t}/mcp",
                "/.well-known/oauth-authorization-server/t/{t}", "/t/{t}/oauth/jwks"}) {
            Answer expected = Answer.of(Http.get(NODE.resolve(path.replace("{t}", active))), active);
            assertEquals(200, expected.status(), path);
            notServed.forEach((what, t) -> assertEquals(expected,
                    Answer.of(Http.get(NODE.resolve(path.replace("{t}", t))), t), what + " " + path));
        }
    }

    @Test
    void aTokenRequestWithAnotherTenantsKeyIsTheSameInvalidClient() {
        Answer expected = tokenRequest(active, Agents.basic(otherTenantsKey));
        assertEquals(401, expected.status());
        notServed.forEach((what, t) -> assertEquals(expected, tokenRequest(t, Agents.basic(otherTenantsKey)), what));
    }

    @Test
    void aTokenRequestWithGarbageCredentialsIsTheSameInvalidClient() {
        String[] garbage = {"Authorization", "Basic " + Base64.getEncoder().encodeToString(
                "not-a-key:berth_live_0123456789abcdef_garbage".getBytes(StandardCharsets.UTF_8))};
        Answer expected = tokenRequest(active, garbage);
        assertEquals(401, expected.status());
        notServed.forEach((what, t) -> assertEquals(expected, tokenRequest(t, garbage), what));
    }

    @Test
    void onlyTheSuspendedTenantsOwnCredentialsLearnThatItIsSuspended() {
        assertEquals("tenant-suspended", TenantGate.verdict(NODE, suspended, suspendedToken));
        Http.Response token = Agents.tokenRequest(NODE, suspended, "grant_type=client_credentials",
                Agents.basic(suspendedKey));
        assertEquals(403, token.status(), token.body());
        assertEquals("urn:berth:problem:tenant-suspended", token.json().getString("type"));
    }

    private static Answer tokenRequest(String tenant, String[] credentials) {
        return Answer.of(Agents.tokenRequest(NODE, tenant, "grant_type=client_credentials", credentials), tenant);
    }

    /** What a caller can see of an answer, with the tenant id written {@code {t}}. */
    private record Answer(int status, String contentType, String challenge, String cacheControl, String body) {

        static Answer of(Http.Response r, String tenant) {
            return new Answer(r.status(), r.contentType(), normal(r.header("WWW-Authenticate").orElse(""), tenant),
                    r.header("Cache-Control").orElse(""), normal(r.body(), tenant));
        }

        private static String normal(String s, String tenant) {
            return s.replace(tenant, "{t}");
        }
    }

    @Test
    void anIdTakenAgainNeverHonoursTheOldTenantsTokens() {
        String id = created("reused");
        String oldToken = Agents.token(Agents.apiKey(id));
        assertEquals(204, OPERATOR.delete(id).status());
        assertEquals(201, OPERATOR.create(id, "a new tenant with the old id").status());
        Http.Response r = Http.send("POST", NODE.resolve("/t/" + id + "/mcp"), "application/json",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "Authorization", "Bearer " + oldToken,
                "Accept", "application/json, text/event-stream");
        assertEquals(401, r.status(), "the old tenant's token is refused by the new tenant: " + r.body());
    }
}
