package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator sets what a tenant's plugins may reach: the egress allow-list and flags, the data quota, and secrets
 * whose values no response and no log line ever shows.
 */
class TenantCapabilitiesIT {

    private final OperatorClient operator = new OperatorClient(BerthNodes.nodeA());

    @BeforeAll
    static void ready() {
        BerthNodes.awaitReady();
    }

    private URI under(String tenant, String path) {
        return URI.create(operator.tenant(tenant) + path);
    }

    private Http.Response put(URI uri, String body, String... headers) {
        String[] all = new String[operator.auth().length + headers.length];
        System.arraycopy(operator.auth(), 0, all, 0, 2);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return Http.send("PUT", uri, OperatorClient.JSON, body, all);
    }

    private String tenant() {
        String id = OperatorClient.uniqueTenantId("caps");
        assertEquals(201, operator.create(id, "Capabilities").status());
        return id;
    }

    @Test
    void egressStartsClosedAndIsReplacedWhole() {
        String id = tenant();
        Http.Response initial = operator.get(under(id, "/egress"));
        assertEquals(200, initial.status(), initial.body());
        assertEquals("\"0\"", initial.header("ETag").orElseThrow());
        assertEquals(0, initial.json().getJsonArray("allowedHosts").size());
        assertFalse(initial.json().getBoolean("allowHttp"));
        assertFalse(initial.json().getBoolean("allowPrivateAddresses"));

        Http.Response bad = put(under(id, "/egress"), "{\"allowedHosts\":[\"api.example.com\",\"*.com\",\"x y\"]}");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("urn:berth:problem:invalid-input", bad.json().getString("type"));
        assertEquals(List.of("allowedHosts[1]", "allowedHosts[2]"), bad.json().getJsonArray("errors")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList());

        Http.Response set = put(under(id, "/egress"), "{\"allowedHosts\":[\"API.Example.com\",\"*.example.org:8443\"],"
                + "\"allowHttp\":true}", "If-Match", "\"0\"");
        assertEquals(200, set.status(), set.body());
        assertEquals("\"1\"", set.header("ETag").orElseThrow());
        assertEquals("api.example.com", set.json().getJsonArray("allowedHosts").getString(0));
        assertTrue(set.json().getBoolean("allowHttp"));
        assertEquals(set.json(), operator.get(under(id, "/egress")).json());

        Http.Response stale = put(under(id, "/egress"), "{\"allowedHosts\":[]}", "If-Match", "\"0\"");
        assertEquals(412, stale.status(), stale.body());
        Http.Response unknownField = put(under(id, "/egress"), "{\"allowedHosts\":[],\"allowEverything\":true}");
        assertEquals(400, unknownField.status());
        assertEquals(404, operator.get(under("no-such-" + UUID.randomUUID().toString().substring(0, 6), "/egress"))
                .status());
    }

    @Test
    void theDataQuotaDefaultsAndCanBeSet() {
        String id = tenant();
        JsonObject usage = operator.get(under(id, "/data")).json();
        assertEquals(0, usage.getJsonNumber("usedBytes").longValue());
        assertEquals(10_000, usage.getJsonNumber("maxEntries").longValue());

        Http.Response quota = operator.get(under(id, "/data/quota"));
        assertEquals(200, quota.status(), quota.body());
        assertFalse(quota.json().containsKey("maxBytes"), "absent: the default applies");

        Http.Response set = put(under(id, "/data/quota"), "{\"maxEntries\":25,\"maxBytes\":null}");
        assertEquals(200, set.status(), set.body());
        assertEquals("\"1\"", set.header("ETag").orElseThrow());
        assertEquals(25, operator.get(under(id, "/data")).json().getJsonNumber("maxEntries").longValue());

        assertEquals(400, put(under(id, "/data/quota"), "{\"maxEntries\":-1}").status());
        assertEquals(400, put(under(id, "/data/quota"), "{\"maxEntries\":1.5}").status());
    }

    @Test
    void secretValuesAreWriteOnlyAndNeverLogged() throws IOException {
        String id = tenant();
        String value = "sk_live_" + UUID.randomUUID();
        Http.Response created = put(under(id, "/secrets/github-token"), "{\"value\":\"" + value + "\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals("github-token", created.json().getString("name"));
        assertFalse(created.body().contains(value));

        Http.Response replaced = put(under(id, "/secrets/github-token"),
                "{\"value\":\"" + value + "\",\"plugin\":\"issues.jar\"}");
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals("issues.jar", replaced.json().getString("plugin"));

        Http.Response list = operator.get(under(id, "/secrets"));
        assertEquals(200, list.status());
        assertEquals(1, list.json().getJsonArray("items").size());
        assertFalse(list.body().contains(value));
        assertFalse(operator.get(under(id, "/secrets/github-token")).body().contains(value));

        Http.Response badName = put(under(id, "/secrets/bad%20name"), "{\"value\":\"" + value + "\"}");
        assertEquals(400, badName.status(), badName.body());
        assertFalse(badName.body().contains(value));
        Http.Response wrongType = put(under(id, "/secrets/other"), "{\"value\":\"" + value + "\",\"plugin\":7}");
        assertEquals(400, wrongType.status());
        assertFalse(wrongType.body().contains(value));

        assertEquals(204, Http.send("DELETE", under(id, "/secrets/github-token"), null, null, operator.auth())
                .status());
        Http.Response gone = Http.send("DELETE", under(id, "/secrets/github-token"), null, null, operator.auth());
        assertEquals(404, gone.status());
        assertEquals("urn:berth:problem:secret-not-found", gone.json().getString("type"));

        for (Path dir : BerthNodes.logDirs()) {
            try (Stream<Path> logs = Files.list(dir)) {
                for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("messages")).toList()) {
                    assertFalse(Files.readString(log).contains(value), "a secret appears in " + log);
                }
            }
        }
    }

    @Test
    void deletingTheTenantPurgesItsSettingsAndSecrets() {
        String id = tenant();
        assertEquals(201, put(under(id, "/secrets/token"), "{\"value\":\"v\"}").status());
        assertEquals(200, put(under(id, "/egress"), "{\"allowedHosts\":[\"api.example.com\"]}").status());
        assertEquals(204, operator.delete(id).status());
        assertEquals(404, operator.get(under(id, "/secrets")).status());
        assertEquals(201, operator.create(id, "Again").status());
        assertEquals(0, operator.get(under(id, "/secrets")).json().getJsonArray("items").size());
        assertEquals(0, operator.get(under(id, "/egress")).json().getJsonArray("allowedHosts").size());
    }

    @Test
    void theOperatorTokenIsRequired() {
        assertEquals(401, Http.get(BerthNodes.nodeA().resolve("/admin/api/v1/tenants/demo/secrets")).status());
        assertEquals(401, Http.send("PUT", BerthNodes.nodeA().resolve("/admin/api/v1/tenants/demo/egress"),
                OperatorClient.JSON, "{\"allowedHosts\":[\"*.example.com\"]}").status());
    }
}
