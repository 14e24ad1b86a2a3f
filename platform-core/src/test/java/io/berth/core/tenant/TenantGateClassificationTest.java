package io.berth.core.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.http.RecordedResponse;

import jakarta.servlet.http.HttpServletRequest;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The gate answers only what reveals nothing (an id that can never be a tenant, an unreadable directory); every valid
 * id goes on with its standing, so that the endpoints can answer strangers alike whether the tenant exists or not.
 */
class TenantGateClassificationTest {

    private final Map<String, TenantStatus> tenants = Map.of("acme", TenantStatus.ACTIVE,
            "frozen", TenantStatus.SUSPENDED);
    private int lookups;
    private final TenantDirectory directory = new TenantDirectory() {
        @Override
        public Optional<TenantStatus> status(String tenantId) {
            lookups++;
            if (tenantId.equals("broken")) {
                throw new IllegalStateException("database down");
            }
            return Optional.ofNullable(tenants.get(tenantId));
        }
    };
    private final RecordedResponse recorded = new RecordedResponse();

    @Test
    void anActiveTenantIsServed() throws Exception {
        assertEquals(TenantStanding.SERVED, TenantGateFilter.classify(directory, "acme", recorded.response()));
        assertTrue(recorded.untouched());
    }

    @Test
    void suspendedAndUnknownTenantsGoOnUnanswered() throws Exception {
        assertEquals(TenantStanding.SUSPENDED, TenantGateFilter.classify(directory, "frozen", recorded.response()));
        assertEquals(TenantStanding.UNKNOWN, TenantGateFilter.classify(directory, "nobody", recorded.response()));
        assertTrue(recorded.untouched(), "nothing at the gate tells a stranger which it was");
    }

    @Test
    void anIdThatCanNeverBeATenantIsNotFoundWithoutALookup() throws Exception {
        assertNull(TenantGateFilter.classify(directory, "ACME", recorded.response()));
        assertEquals(404, recorded.status());
        assertTrue(recorded.body().contains("tenant-not-found"), recorded.body());
        assertNull(TenantGateFilter.classify(directory, null, new RecordedResponse().response()));
        assertEquals(0, lookups);
    }

    @Test
    void anUnreadableDirectoryFailsClosed() throws Exception {
        assertNull(TenantGateFilter.classify(directory, "broken", recorded.response()));
        assertEquals(503, recorded.status());
        assertEquals("5", recorded.header("Retry-After"));
        assertFalse(recorded.body().contains("database"), recorded.body());
    }

    @Test
    void theFilterPassesEveryValidTenantOnWithItsIdAndStanding() throws Exception {
        TenantGateFilter gate = new TenantGateFilter();
        gate.directory = directory;
        for (var expected : Map.of("acme", TenantStanding.SERVED, "frozen", TenantStanding.SUSPENDED,
                "nobody", TenantStanding.UNKNOWN).entrySet()) {
            Map<String, Object> attributes = new HashMap<>();
            boolean[] passed = {false};
            gate.doFilter(request("/t/" + expected.getKey() + "/mcp", attributes), recorded.response(),
                    (req, resp) -> passed[0] = true);
            assertTrue(passed[0], expected.getKey());
            assertEquals(expected.getKey(), attributes.get(TenantGateFilter.TENANT_ATTRIBUTE));
            assertEquals(expected.getValue(), attributes.get(TenantGateFilter.STANDING_ATTRIBUTE));
        }
        assertTrue(recorded.untouched());
    }

    @Test
    void onlyACallerWhoMayKnowIsToldWhyATenantIsNotServed() throws Exception {
        TenantGateFilter.refuse(TenantStanding.SUSPENDED, recorded.response());
        assertEquals(403, recorded.status());
        assertTrue(recorded.body().contains("tenant-suspended"), recorded.body());
        RecordedResponse gone = new RecordedResponse();
        TenantGateFilter.refuse(TenantStanding.UNKNOWN, gone.response());
        assertEquals(404, gone.status());
        assertTrue(gone.body().contains("tenant-not-found"), gone.body());
        assertThrows(IllegalArgumentException.class,
                () -> TenantGateFilter.refuse(TenantStanding.SERVED, new RecordedResponse().response()));
    }

    @Test
    void anUnknownTenantListsNoOriginWithoutFillingTheOriginMap() {
        // No cluster attached: reaching the origin map would fail.
        assertFalse(directory.originAllowed("nobody", "https://app.example.com"));
    }

    private static HttpServletRequest request(String uri, Map<String, Object> attributes) {
        return (HttpServletRequest) Proxy.newProxyInstance(TenantGateClassificationTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "";
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
