package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An operator creates, reads, renames, suspends, reactivates and deletes a tenant; the tenant gate follows, as an agent
 * of the tenant sees it (strangers see no difference: {@link TenantExistenceIT}).
 */
class TenantLifecycleIT {

    private final OperatorClient operator = new OperatorClient(BerthNodes.nodeA());

    @BeforeAll
    static void ready() {
        BerthNodes.awaitReady();
    }

    @Test
    void createReadRenameSuspendReactivateDelete() {
        String id = OperatorClient.uniqueTenantId("life");

        Http.Response created = operator.create(id, "Life Cycle");
        assertEquals(201, created.status(), created.body());
        assertEquals(operator.tenant(id).getPath(), java.net.URI.create(created.header("Location").orElseThrow()).getPath());
        assertEquals("\"0\"", created.header("ETag").orElseThrow());
        assertEquals("active", created.json().getString("status"));
        String token = Agents.token(Agents.apiKey(id));
        assertEquals("passed", TenantGate.verdict(BerthNodes.nodeA(), id, token));

        Http.Response read = operator.get(operator.tenant(id));
        assertEquals(200, read.status());
        assertEquals(created.json(), read.json());

        Http.Response renamed = operator.patch(id, "{\"displayName\":\"  Renamed  \"}", "If-Match", "\"0\"");
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("Renamed", renamed.json().getString("displayName"));
        assertEquals(1, renamed.json().getInt("version"));

        Http.Response stale = operator.patch(id, "{\"displayName\":\"Lost update\"}", "If-Match", "\"0\"");
        assertEquals(412, stale.status(), stale.body());
        assertEquals("urn:berth:problem:version-mismatch", stale.json().getString("type"));

        Http.Response suspended = operator.suspend(id);
        assertEquals("suspended", suspended.json().getString("status"));
        Http.Response refused = TenantGate.call(BerthNodes.nodeA(), id, token);
        assertEquals(403, refused.status());
        assertEquals("urn:berth:problem:tenant-suspended", refused.json().getString("type"));
        assertEquals(401, TenantGate.call(BerthNodes.nodeA(), id).status(), "a stranger is challenged as before");

        assertEquals("active", operator.activate(id).json().getString("status"));
        assertEquals("passed", TenantGate.verdict(BerthNodes.nodeA(), id, token));
        assertEquals("Renamed", operator.get(operator.tenant(id)).json().getString("displayName"),
                "a status change keeps the name");

        assertEquals(204, operator.delete(id).status());
        assertEquals(404, operator.get(operator.tenant(id)).status());
        assertEquals(404, operator.delete(id).status());
        assertEquals(401, TenantGate.call(BerthNodes.nodeA(), id, token).status(),
                "the deleted tenant's tokens are revoked with it: their holders are strangers now");
        assertEquals(401, TenantGate.call(BerthNodes.nodeA(), id).status(), "a stranger is challenged as before");
    }

    @Test
    void aTakenIdIsAConflictAndTheFirstTenantIsUntouched() {
        String id = OperatorClient.uniqueTenantId("dup");
        JsonObject first = operator.create(id, "First").json();

        Http.Response again = operator.create(id, "Second");
        assertEquals(409, again.status());
        assertEquals("urn:berth:problem:tenant-exists", again.json().getString("type"));
        assertEquals(first, operator.get(operator.tenant(id)).json());
    }

    @Test
    void listingPagesThroughEveryTenantInIdOrderWithoutRepeats() {
        String prefix = OperatorClient.uniqueTenantId("page");
        for (int i = 0; i < 5; i++) {
            assertEquals(201, operator.create(prefix + "-" + i, "Page " + i).status());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String query = "?limit=2" + (cursor == null ? "" : "&after=" + cursor);
            JsonObject page = operator.get(java.net.URI.create(operator.tenants() + query)).json();
            page.getJsonArray("items").getValuesAs(JsonObject.class).forEach(t -> seen.add(t.getString("id")));
            cursor = page.containsKey("nextCursor") && !page.isNull("nextCursor") ? page.getString("nextCursor") : null;
            pages++;
            assertTrue(page.getJsonArray("items").size() <= 2);
        } while (cursor != null && pages < 10_000);

        List<String> sorted = new ArrayList<>(seen);
        sorted.sort(null);
        assertEquals(sorted, seen, "id order");
        assertEquals(seen.size(), seen.stream().distinct().count(), "no repeats");
        for (int i = 0; i < 5; i++) {
            assertTrue(seen.contains(prefix + "-" + i), "page walk found " + prefix + "-" + i);
        }
        assertFalse(seen.isEmpty());
    }

    @Test
    void onlyAnIdThatCanNeverBeATenantIsRefusedAtTheGate() {
        Http.Response r = TenantGate.call(BerthNodes.nodeA(), "NOT-A-SLUG");
        assertEquals(404, r.status());
        assertEquals("urn:berth:problem:tenant-not-found", r.json().getString("type"));
        assertEquals(401, TenantGate.call(BerthNodes.nodeA(), OperatorClient.uniqueTenantId("ghost")).status());
    }
}
