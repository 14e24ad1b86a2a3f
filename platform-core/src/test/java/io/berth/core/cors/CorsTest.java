package io.berth.core.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.tenant.TenantDirectory;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The CORS decision at an agent-facing endpoint of a tenant that lists one origin. */
class CorsTest {

    private static final String LISTED = "https://app.example.com";
    private static final List<String> METHODS = List.of("POST", "GET", "DELETE");

    private final Cors cors = new Cors();
    private final Map<String, String> sent = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private int status = 200;

    CorsTest() {
        cors.directory = new TenantDirectory() {
            @Override
            public boolean originAllowed(String tenantId, String origin) {
                return tenantId.equals("acme") && origin.equals(LISTED);
            }
        };
    }

    @Test
    void aPreflightFromAListedOriginIsGranted() {
        assertEquals(Cors.Outcome.ANSWERED, apply("OPTIONS", LISTED, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type,mcp-param-region"));
        assertEquals(204, status);
        assertEquals(LISTED, sent.get("Access-Control-Allow-Origin"));
        assertEquals("POST, GET, DELETE", sent.get("Access-Control-Allow-Methods"));
        assertEquals(Preflight.ALLOWED_HEADERS + ", mcp-param-region", sent.get("Access-Control-Allow-Headers"));
        assertEquals(Cors.MAX_AGE, sent.get("Access-Control-Max-Age"));
        assertEquals("Origin", sent.get("Vary"));
        assertNull(sent.get("Access-Control-Allow-Credentials"));
    }

    @Test
    void aPreflightFromAnyOtherOriginIsRefusedWithoutCorsHeaders() {
        assertEquals(Cors.Outcome.ANSWERED, apply("OPTIONS", "https://evil.example",
                "Access-Control-Request-Method", "POST"));
        assertEquals(403, status);
        assertNoCorsHeaders();
    }

    @Test
    void aPreflightForAMethodTheEndpointDoesNotServeIsRefused() {
        assertEquals(Cors.Outcome.ANSWERED, apply("OPTIONS", LISTED, "Access-Control-Request-Method", "PUT"));
        assertEquals(403, status);
        assertNoCorsHeaders();
    }

    @Test
    void theSameOriginAtAnotherTenantIsRefused() {
        assertEquals(Cors.Outcome.ANSWERED, at("other", "OPTIONS", LISTED,
                "Access-Control-Request-Method", "POST"));
        assertEquals(403, status);
        assertEquals(Cors.Outcome.NOT_LISTED, at("other", "POST", LISTED));
        assertNoCorsHeaders();
    }

    @Test
    void anActualRequestFromAListedOriginGetsTheHeaders() {
        assertEquals(Cors.Outcome.ALLOWED, apply("POST", LISTED));
        assertEquals(LISTED, sent.get("Access-Control-Allow-Origin"));
        assertEquals(Cors.EXPOSED_HEADERS, sent.get("Access-Control-Expose-Headers"));
        assertTrue(sent.get("Access-Control-Expose-Headers").contains("Mcp-Session-Id"));
        assertEquals("Origin", sent.get("Vary"));
        assertNull(sent.get("Access-Control-Allow-Credentials"));
        assertEquals(200, status, "the endpoint answers, not CORS");
    }

    @Test
    void anActualRequestFromAnotherOriginGetsNothing() {
        assertEquals(Cors.Outcome.NOT_LISTED, apply("POST", "https://evil.example"));
        assertEquals(Cors.Outcome.NOT_LISTED, apply("POST", "https://app.example.com.evil.example"));
        assertEquals(Cors.Outcome.NOT_LISTED, apply("POST", LISTED + "/"));
        assertNoCorsHeaders();
    }

    @Test
    void anOptionsRequestWithoutARequestMethodIsNoPreflight() {
        assertEquals(Cors.Outcome.ALLOWED, apply("OPTIONS", LISTED));
        assertEquals(200, status);
    }

    @Test
    void anUnreadableListCountsAsEmpty() {
        cors.directory = new TenantDirectory() {
            @Override
            public boolean originAllowed(String tenantId, String origin) {
                throw new IllegalStateException("cluster down");
            }
        };
        assertEquals(Cors.Outcome.NOT_LISTED, apply("POST", LISTED));
        assertEquals(Cors.Outcome.ANSWERED, apply("OPTIONS", LISTED, "Access-Control-Request-Method", "POST"));
        assertEquals(403, status);
        assertNoCorsHeaders();
    }

    private void assertNoCorsHeaders() {
        assertTrue(sent.keySet().stream().noneMatch(h -> h.toLowerCase().startsWith("access-control-")), sent::toString);
    }

    private Cors.Outcome apply(String method, String origin, String... headers) {
        return at("acme", method, origin, headers);
    }

    private Cors.Outcome at(String tenant, String method, String origin, String... headers) {
        return cors.apply(tenant, origin, METHODS, request(method, headers), response());
    }

    private static HttpServletRequest request(String method, String... nameValuePairs) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            headers.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return (HttpServletRequest) Proxy.newProxyInstance(CorsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(CorsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setHeader", "addHeader" -> sent.put((String) args[0], (String) args[1]);
                        case "setStatus" -> status = (Integer) args[0];
                        case "setContentLength" -> { }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                });
    }
}
