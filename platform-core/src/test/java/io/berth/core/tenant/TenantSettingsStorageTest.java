package io.berth.core.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tenant's settings: the agent access policy (off by default) and the CORS allow-list (empty by default), each
 * versioned with the tenant.
 */
class TenantSettingsStorageTest {

    private Jdbc jdbc;
    private TenantRepository repository;

    @BeforeEach
    void database() {
        jdbc = MigratedH2.create();
        repository = new TenantRepository();
        repository.jdbc = jdbc;
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        repository.insert(new Tenant("acme", "ACME", TenantStatus.ACTIVE, now, now, 0));
    }

    @AfterEach
    void drop() {
        MigratedH2.shutdown(jdbc);
    }

    @Test
    void agentAccessIsOffByDefault() {
        assertEquals(Optional.of(new AgentAccess(false, 0)), repository.agentAccess("acme"));
        assertEquals(Optional.empty(), repository.agentAccess("nobody"));
    }

    @Test
    void aChangeMovesTheTenantToItsNextVersionAndKeepsOtherSettings() {
        jdbc.update("other setting", "update tenants set settings = ? where id = ?", "{\"other\":1}", "acme");
        assertEquals(Optional.of(new AgentAccess(true, 1)), repository.setAgentAccess("acme", true, 0L,
                Instant.now()));
        assertEquals(Optional.of(new AgentAccess(true, 1)), repository.agentAccess("acme"));
        String settings = jdbc.queryOne("settings", "select settings from tenants where id = ?",
                r -> r.getString("settings"), "acme").orElseThrow();
        assertTrue(settings.contains("\"other\":1") && settings.contains("\"anonymousAgents\":true"), settings);
        assertEquals(1, repository.find("acme").orElseThrow().version(), "one version for tenant and policy");

        assertEquals(Optional.of(new AgentAccess(false, 2)), repository.setAgentAccess("acme", false, null,
                Instant.now()));
    }

    @Test
    void aStaleVersionIsRefused() {
        repository.setAgentAccess("acme", true, null, Instant.now());
        assertThrows(TenantException.VersionMismatch.class,
                () -> repository.setAgentAccess("acme", false, 0L, Instant.now()));
        assertEquals(Optional.of(new AgentAccess(true, 1)), repository.agentAccess("acme"));
        assertEquals(Optional.empty(), repository.setAgentAccess("nobody", true, null, Instant.now()));
    }

    @Test
    void unreadableSettingsCountAsNone() {
        jdbc.update("break settings", "update tenants set settings = ? where id = ?", "not json", "acme");
        assertEquals(Optional.of(new AgentAccess(false, 0)), repository.agentAccess("acme"));
        assertEquals(Optional.of(new AgentAccess(true, 1)), repository.setAgentAccess("acme", true, 0L,
                Instant.now()));
    }

    @Test
    void corsOriginsAreEmptyByDefault() {
        assertEquals(Optional.of(new AllowedOrigins(List.of(), 0)), repository.allowedOrigins("acme"));
        assertEquals(Optional.empty(), repository.allowedOrigins("nobody"));
    }

    @Test
    void aCorsListIsReplacedWholeNextToTheOtherSettingsInOneVersion() {
        repository.setAgentAccess("acme", true, 0L, Instant.now());
        List<String> origins = List.of("https://app.example.com", "http://localhost:3000");
        assertEquals(Optional.of(new AllowedOrigins(origins, 2)), repository.setAllowedOrigins("acme", origins, 1L,
                Instant.now()));
        assertEquals(Optional.of(new AllowedOrigins(origins, 2)), repository.allowedOrigins("acme"));
        assertEquals(Optional.of(new AgentAccess(true, 2)), repository.agentAccess("acme"), "other settings kept");
        assertEquals(Optional.of(new AllowedOrigins(List.of(), 3)),
                repository.setAllowedOrigins("acme", List.of(), null, Instant.now()));
    }

    @Test
    void aStaleVersionOfTheCorsListIsRefused() {
        repository.setAllowedOrigins("acme", List.of("https://a.example"), null, Instant.now());
        assertThrows(TenantException.VersionMismatch.class,
                () -> repository.setAllowedOrigins("acme", List.of(), 0L, Instant.now()));
        assertEquals(List.of("https://a.example"), repository.allowedOrigins("acme").orElseThrow().origins());
        assertEquals(Optional.empty(), repository.setAllowedOrigins("nobody", List.of(), null, Instant.now()));
    }

    @Test
    void aMalformedStoredCorsListCountsAsEmpty() {
        jdbc.update("break settings", "update tenants set settings = ? where id = ?",
                "{\"corsOrigins\":\"https://a.example\"}", "acme");
        assertTrue(repository.allowedOrigins("acme").orElseThrow().origins().isEmpty());
    }
}
