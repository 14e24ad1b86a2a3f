package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator API answers nobody without the operator bearer token, whatever the method or path. */
class OperatorAuthenticationIT {

    private final OperatorClient operator = new OperatorClient(BerthNodes.nodeA());

    @BeforeAll
    static void ready() {
        BerthNodes.awaitReady();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer wrong-token", "Basic b3BlcmF0b3I6c2VjcmV0", "Token x"})
    void anythingButTheOperatorTokenIs401(String authorization) {
        String[] headers = authorization.isEmpty() ? new String[0] : new String[] {"Authorization", authorization};
        Http.Response r = Http.get(operator.tenants(), headers);
        assertUnauthorized(r);
    }

    @Test
    void everyMethodAndPathNeedsTheToken() {
        URI demo = operator.tenant("demo");
        assertUnauthorized(Http.send("POST", operator.tenants(), "application/json",
                "{\"id\":\"sneaky\",\"displayName\":\"x\"}"));
        assertUnauthorized(Http.send("PATCH", demo, "application/json", "{\"status\":\"suspended\"}"));
        assertUnauthorized(Http.send("DELETE", demo, null, null));
        assertUnauthorized(Http.get(BerthNodes.nodeA().resolve("/admin/api/v1/no-such-resource")));
        assertEquals(404, operator.get(operator.tenant("sneaky")).status(), "the refused create stored nothing");
    }

    @Test
    void theSchemeIsCaseInsensitiveAndTheTokenIsNot() {
        String token = BerthNodes.operatorToken();
        assertEquals(200, Http.get(operator.tenants(), "Authorization", "bearer " + token).status());
        assertUnauthorized(Http.get(operator.tenants(), "Authorization", "Bearer " + token.toUpperCase()));
        assertUnauthorized(Http.get(operator.tenants(), "Authorization",
                "Bearer " + token.substring(0, token.length() - 1)));
    }

    @Test
    void responsesCarrySecurityHeaders() {
        Http.Response r = operator.get(operator.tenants());
        assertEquals(200, r.status());
        assertEquals("nosniff", r.header("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", r.header("X-Frame-Options").orElse(""));
        assertTrue(r.header("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        assertEquals("no-store", r.header("Cache-Control").orElse(""));
        assertFalse(r.header("Server").isPresent(), "no Server header");
        assertFalse(r.header("X-Powered-By").isPresent(), "no X-Powered-By header");
    }

    private static void assertUnauthorized(Http.Response r) {
        assertEquals(401, r.status(), r.body());
        assertEquals("Bearer realm=\"berth-operator\"", r.header("WWW-Authenticate").orElse(""));
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals("urn:berth:problem:unauthorized", r.json().getString("type"));
    }
}
