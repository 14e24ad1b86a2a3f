package io.berth.core.mcp;

import io.berth.core.capability.Capabilities;
import io.berth.core.capability.TestTenants;
import io.berth.core.capability.data.DataConfig;
import io.berth.core.capability.data.PluginData;
import io.berth.core.capability.egress.Egress;
import io.berth.core.capability.egress.EgressConfig;
import io.berth.core.capability.egress.EgressSettingsStore;
import io.berth.core.capability.secrets.TenantSecrets;
import io.berth.core.plugin.Deployed;
import io.berth.core.security.TestSealing;
import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;
import io.berth.sdk.Caller;
import io.berth.sdk.EgressRequest;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A call's context hands the plugin the capabilities of its own tenant and plugin, and none before the grant. */
class CallContextCapabilitiesTest {

    private static Jdbc jdbc;
    private static Capabilities capabilities;
    private static TenantSecrets secrets;

    @BeforeAll
    static void wire() {
        jdbc = MigratedH2.create();
        TestTenants.create(jdbc, "acme", "bravo");
        secrets = TenantSecrets.of(jdbc, TestSealing.sealer(TestSealing.loadedKeys(jdbc)));
        capabilities = Capabilities.of(PluginData.of(jdbc, DataConfig.of(10_000, 100, 1000), Clock.systemUTC()),
                Egress.of(EgressConfig.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 10, 10,
                        1, 10, 0), EgressSettingsStore.of(jdbc)), secrets);
    }

    @AfterAll
    static void close() {
        MigratedH2.shutdown(jdbc);
    }

    private static StatelessToolContext context(String tenant) {
        return new StatelessToolContext(tenant, new ModernEnvelope("2026-07-28", Json.obj("{}"), null, null),
                new HashMap<>(), new RecordingSink(), null);
    }

    private static Deployed<String> plugin(String tenant, String name) {
        return new Deployed<>(tenant, name, "tool", CallContextCapabilitiesTest.class.getClassLoader());
    }

    @Test
    void nothingIsAvailableBeforeTheGrant() {
        ToolContext c = context("acme");
        assertThrows(ToolException.class, c::data);
        assertThrows(ToolException.class, c::http);
        assertThrows(ToolException.class, () -> c.secret("x"));
    }

    @Test
    void theCallerIsAnonymousUntilIdentityLands() {
        assertEquals(Caller.anonymous(), context("acme").caller());
        assertTrue(context("acme").caller().scopes().isEmpty());
    }

    @Test
    void capabilitiesAreThoseOfTheTenantAndPluginCalled() throws ToolException {
        StatelessToolContext a = context("acme");
        a.grantFor(plugin("acme", "notes.jar"), capabilities);
        a.data().put("k", "acme's");
        secrets.put("acme", "token", "acme-token", "notes.jar");

        StatelessToolContext b = context("bravo");
        b.grantFor(plugin("bravo", "notes.jar"), capabilities);
        assertTrue(b.data().get("k").isEmpty());
        assertTrue(b.secret("token").isEmpty());

        StatelessToolContext other = context("acme");
        other.grantFor(plugin("acme", "other.jar"), capabilities);
        assertTrue(other.data().get("k").isEmpty());
        assertTrue(other.secret("token").isEmpty(), "restricted to notes.jar");
        assertEquals("acme-token", a.secret("token").orElseThrow().reveal());

        ToolException refused = assertThrows(ToolException.class,
                () -> a.http().send(EgressRequest.get("https://example.com/")));
        assertTrue(refused.getMessage().contains("allow-list"), refused.getMessage());
    }

    @Test
    void anotherTenantsCapabilitiesAreNeverAccepted() {
        StatelessToolContext a = context("acme");
        assertThrows(IllegalStateException.class, () -> a.grantFor(plugin("bravo", "notes.jar"), capabilities));
    }

    @Test
    void aCancelledCallMakesNoOutboundRequest() {
        StatelessToolContext a = context("acme");
        a.grantFor(plugin("acme", "notes.jar"), capabilities);
        a.cancel();
        ToolException e = assertThrows(ToolException.class,
                () -> a.http().send(EgressRequest.get("https://example.com/")));
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
    }

    @Test
    void invalidSecretNamesAreToolErrors() {
        StatelessToolContext a = context("acme");
        a.grantFor(plugin("acme", "notes.jar"), capabilities);
        assertThrows(ToolException.class, () -> a.secret("../etc"));
    }
}
