package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Readiness covers database, migrations and cluster; liveness the node; HTTPS serves with the generated certificate. */
class HealthIT {

    @BeforeAll
    static void ready() {
        BerthNodes.awaitReady();
    }

    @Test
    void readinessReportsMigratedDatabaseAndCluster() {
        Http.Response r = Http.get(BerthNodes.nodeA().resolve("/health/ready"));
        assertEquals(200, r.status(), r.body());
        JsonObject database = check(r.json(), "database");
        assertEquals("UP", database.getString("status"));
        assertEquals("9", database.getJsonObject("data").getString("schemaVersion"));
        assertTrue(database.getJsonObject("data").getBoolean("migrated"));
        JsonObject cluster = check(r.json(), "cluster");
        assertEquals("UP", cluster.getString("status"));
        assertEquals(BerthNodes.all().size(), cluster.getJsonObject("data").getInt("members"));
    }

    @Test
    void livenessReportsStartedClusterMember() {
        Http.Response r = Http.get(BerthNodes.nodeA().resolve("/health/live"));
        assertEquals(200, r.status(), r.body());
        JsonObject node = check(r.json(), "node");
        assertEquals("UP", node.getString("status"));
        assertTrue(node.getJsonObject("data").getBoolean("started"));
    }

    @Test
    void httpsServesWithTheGeneratedCertificate() throws Exception {
        Http.Response r = Http.send(Http.trustingClient(),
                HttpRequest.newBuilder(BerthNodes.https().resolve("/health/ready")).GET());
        assertEquals(200, r.status(), r.body());
        assertEquals("UP", r.json().getString("status"));
    }

    @Test
    void openApiDocumentDescribesTheTenantApi() {
        Http.Response r = Http.get(BerthNodes.nodeA().resolve("/openapi?format=JSON"));
        assertEquals(200, r.status());
        JsonObject paths = r.json().getJsonObject("paths");
        assertTrue(paths.containsKey("/admin/api/v1/tenants"), paths.keySet().toString());
        assertTrue(paths.containsKey("/admin/api/v1/tenants/{id}"), paths.keySet().toString());
        assertTrue(r.json().getJsonObject("components").getJsonObject("securitySchemes").containsKey("operator"));
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no health check named " + name + " in " + health));
    }
}
