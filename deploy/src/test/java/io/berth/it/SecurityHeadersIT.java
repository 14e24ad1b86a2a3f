package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operator and tenant API response carries the browser hardening headers (nosniff, no framing, a strict CSP,
 * no caching, and HSTS over HTTPS), including the refusals that filters and mappers produce before or instead of a
 * resource: 401 from the authentication filters, 404, 405, 413 and 400.
 */
class SecurityHeadersIT {

    private static final String CSP = "default-src 'none'; frame-ancestors 'none'";
    private static TenantApiClient.Tenant tenant;

    @BeforeAll
    static void tenant() {
        tenant = TenantApiClient.newTenant("headers");
    }

    private static void assertHardened(Http.Response r, int status, String what) {
        assertEquals(status, r.status(), what + ": " + r.body());
        assertEquals("nosniff", r.header("X-Content-Type-Options").orElse(""), what);
        assertEquals("DENY", r.header("X-Frame-Options").orElse(""), what);
        assertEquals(CSP, r.header("Content-Security-Policy").orElse(""), what);
        assertEquals("no-store", r.header("Cache-Control").orElse(""), what);
    }

    private static Http.Response send(HttpClient client, String method, URI uri, String contentType, String body,
                                      String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return Http.send(client, b, headers);
    }

    private static String[] operatorAuth() {
        return new String[] {"Authorization", "Bearer " + BerthNodes.operatorToken()};
    }

    private static String[] tenantAuth() {
        return new String[] {"Authorization", "Bearer " + tenant.key()};
    }

    /** The same answers on whichever port; over HTTPS with HSTS as well. */
    private static void assertEveryAnswerHardened(HttpClient client, URI base, boolean https) {
        URI tenants = base.resolve("/admin/api/v1/tenants");
        URI cors = base.resolve("/api/v1/cors");
        String big = "{\"id\":\"" + "x".repeat(70_000) + "\"}";
        Http.Response[] answers = {
            send(client, "GET", tenants, null, null, operatorAuth()),
            send(client, "GET", tenants, null, null),
            send(client, "GET", tenants, null, null, "Authorization", "Bearer wrong"),
            send(client, "GET", base.resolve("/admin/api/v1/nowhere"), null, null, operatorAuth()),
            send(client, "GET", base.resolve("/admin/api/v1/tenants/" + OperatorClient.uniqueTenantId("none")),
                    null, null, operatorAuth()),
            send(client, "DELETE", tenants, null, null, operatorAuth()),
            send(client, "POST", tenants, "application/json", big, operatorAuth()),
            send(client, "POST", tenants, "application/json", "{\"id\":", operatorAuth()),
            send(client, "GET", cors, null, null, tenantAuth()),
            send(client, "GET", cors, null, null),
            send(client, "GET", base.resolve("/api/v1/nowhere"), null, null, tenantAuth()),
            send(client, "PUT", cors, "application/json", "{\"origins\":", tenantAuth()),
            send(client, "PUT", cors, "application/json", "{\"origins\":[\"" + "x".repeat(2_000_000) + "\"]}",
                    tenantAuth()),
        };
        int[] statuses = {200, 401, 401, 404, 404, 405, 413, 400, 200, 401, 404, 400, 413};
        String[] what = {"operator 200", "operator 401 no token", "operator 401 wrong token", "operator 404 path",
            "operator 404 tenant", "operator 405", "operator 413", "operator 400 bad JSON", "tenant 200",
            "tenant 401", "tenant 404", "tenant 400 bad JSON", "tenant 413"};
        for (int i = 0; i < answers.length; i++) {
            assertHardened(answers[i], statuses[i], what[i] + (https ? " (https)" : ""));
            String hsts = answers[i].header("Strict-Transport-Security").orElse("");
            if (https) {
                assertTrue(hsts.startsWith("max-age=31536000"), what[i] + ": " + hsts);
            }
        }
    }

    @Test
    void everyApiAnswerIsHardened() {
        assertEveryAnswerHardened(Http.CLIENT, BerthNodes.nodeA(), false);
    }

    @Test
    void everyApiAnswerOverHttpsAlsoCarriesHsts() throws Exception {
        assertEveryAnswerHardened(Http.trustingClient(), BerthNodes.https(), true);
    }
}
