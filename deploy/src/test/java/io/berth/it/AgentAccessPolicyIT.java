package io.berth.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The operator's agent access policy of a tenant: off by default (every agent needs a token), switched on and off
 * through {@code /admin/api/v1/tenants/{id}/agent-access} with the tenant's version as ETag, and honoured by every node
 * from the next request on. The operator's revocation and identity-provider endpoints check their input.
 */
class AgentAccessPolicyIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(10);
    private final OperatorClient operator = new OperatorClient(BerthNodes.nodeA());

    private static URI access(String id) {
        return BerthNodes.nodeA().resolve("/admin/api/v1/tenants/" + id + "/agent-access");
    }

    /** The status of an MCP request without a token: 401 while the tenant wants tokens, past auth (400) otherwise. */
    private static int anonymousStatus(URI node, String id) {
        return Http.send("POST", node.resolve("/t/" + id + "/mcp"), "application/json", "{}").status();
    }

    @Test
    void anonymousAgentsAreRefusedUntilTheOperatorAllowsThem() {
        String id = OperatorClient.uniqueTenantId("access");
        assertEquals(201, operator.create(id, "Access").status());
        Http.Response read = operator.get(access(id));
        assertEquals(200, read.status(), read.body());
        assertFalse(read.json().getBoolean("anonymous"));
        String etag = read.header("ETag").orElseThrow();
        for (URI node : BerthNodes.all()) {
            assertEquals(401, anonymousStatus(node, id), node.toString());
        }

        Http.Response opened = operator.put(access(id), "{\"anonymous\":true}", "If-Match", etag);
        assertEquals(200, opened.status(), opened.body());
        assertTrue(opened.json().getBoolean("anonymous"));
        assertFalse(etag.equals(opened.header("ETag").orElseThrow()), "a new version");
        for (URI node : BerthNodes.all()) {
            await("anonymous agents served by " + node).atMost(PROPAGATION).pollInterval(Duration.ofMillis(20))
                    .until(() -> anonymousStatus(node, id) == 400);
        }
        assertEquals(opened.header("ETag").orElseThrow(), operator.get(operator.tenant(id)).header("ETag")
                .orElseThrow(), "the policy is part of the tenant: one version");

        Http.Response stale = operator.put(access(id), "{\"anonymous\":false}", "If-Match", etag);
        assertEquals(412, stale.status(), stale.body());
        assertEquals(200, operator.put(access(id), "{\"anonymous\":false}").status());
        for (URI node : BerthNodes.all()) {
            await("anonymous agents refused again by " + node).atMost(PROPAGATION)
                    .pollInterval(Duration.ofMillis(20)).until(() -> anonymousStatus(node, id) == 401);
        }
    }

    @Test
    void aTenantCreatedAgainStartsClosed() {
        String id = OperatorClient.uniqueTenantId("again");
        assertEquals(201, operator.create(id, "Again").status());
        assertEquals(200, operator.put(access(id), "{\"anonymous\":true}").status());
        assertEquals(400, anonymousStatus(BerthNodes.nodeA(), id));
        assertEquals(204, operator.delete(id).status());
        assertEquals(201, operator.create(id, "Again").status());
        assertFalse(operator.get(access(id)).json().getBoolean("anonymous"));
        assertEquals(401, anonymousStatus(BerthNodes.nodeA(), id));
    }

    @Test
    void malformedPolicyRequestsAreRefused() {
        String id = McpTenants.secured();
        assertEquals(400, operator.put(access(id), "{}").status());
        assertEquals(400, operator.put(access(id), "{\"anonymous\":\"yes\"}").status());
        assertEquals(400, operator.put(access(id), "{\"anonymous\":true,\"extra\":1}").status());
        assertEquals(404, operator.get(access(OperatorClient.uniqueTenantId("none"))).status());
        assertEquals(404, operator.put(access(OperatorClient.uniqueTenantId("none")), "{\"anonymous\":true}")
                .status());
        assertEquals(401, Http.get(access(id)).status(), "operator API: operator token only");
        assertFalse(operator.get(access(id)).json().getBoolean("anonymous"), "unchanged");
    }

    @Test
    void malformedRevocationsAreRefused() {
        String id = McpTenants.secured();
        URI revocations = BerthNodes.nodeA().resolve("/admin/api/v1/tenants/" + id + "/revocations");
        assertEquals(400, operator.post(revocations, "{}").status());
        assertEquals(400, operator.post(revocations, "{\"jti\":\"a\",\"apiKeyId\":\"b\"}").status());
        assertEquals(400, operator.post(revocations, "{\"jti\":\"a\",\"expiresAt\":\"tomorrow\"}").status());
        assertEquals(400, operator.post(revocations, "{\"jti\":\"" + "x".repeat(201) + "\"}").status());
        assertEquals(404, operator.post(revocations, "{\"apiKeyId\":\"0000000000000000\"}").status());
        assertEquals(204, operator.post(revocations, "{\"jti\":\"it-some-jti\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}")
                .status());
        assertEquals(404, operator.post(BerthNodes.nodeA().resolve("/admin/api/v1/tenants/"
                + OperatorClient.uniqueTenantId("none") + "/revocations"), "{\"jti\":\"a\"}").status());
    }

    @Test
    void identityProvidersAreChecked() {
        String id = McpTenants.secured();
        URI idps = BerthNodes.nodeA().resolve("/admin/api/v1/tenants/" + id + "/identity-providers");
        assertEquals(400, operator.put(idps, "{\"issuer\":\"" + BerthNodes.https() + "/t/" + id
                + "\",\"jwksUrl\":\"https://idp.example/jwks\"}").status(), "Berth's own issuers are no IdPs");
        assertEquals(400, operator.put(idps, "{\"issuer\":\"not a url\",\"jwksUrl\":\"https://idp.example/jwks\"}")
                .status());
        Http.Response trusted = operator.put(idps, "{\"issuer\":\"https://listed.it.example\","
                + "\"jwksUrl\":\"https://listed.it.example/jwks\",\"scopeClaim\":\"scp\"}");
        assertEquals(200, trusted.status(), trusted.body());
        assertTrue(operator.get(idps).body().contains("https://listed.it.example"));
        assertEquals(204, Http.send("DELETE", URI.create(idps + "?issuer=https%3A%2F%2Flisted.it.example"), null,
                null, operator.auth()).status());
        assertEquals(404, Http.send("DELETE", URI.create(idps + "?issuer=https%3A%2F%2Flisted.it.example"), null,
                null, operator.auth()).status());
    }
}
