package io.berth.core.apikey;

import io.berth.core.access.Role;
import io.berth.core.capability.TestTenants;
import io.berth.core.cluster.ClusterMember;
import io.berth.core.cluster.TestClusterMembers;
import io.berth.core.identity.IdentityFixture;
import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A Berth node's API key services wired by hand as CDI would: a migrated H2 database, a real Hazelcast member and the
 * identity services (token endpoint, verifier, revocations) on them. Tenants {@code acme} and {@code other} exist.
 */
final class KeyNode implements AutoCloseable {

    final Jdbc jdbc = MigratedH2.create();
    final ClusterMember member = TestClusterMembers.start("apikeys-" + UUID.randomUUID(), List.of());
    final IdentityFixture identity;
    final ApiKeys keys;
    final ApiKeysConfig config = ApiKeysConfig.defaults();
    final ApiKeyLifecycle lifecycle = new ApiKeyLifecycle();

    KeyNode() {
        TestTenants.create(jdbc, "acme", "other");
        identity = new IdentityFixture(jdbc, member);
        keys = identity.apiKeys();
        keys.config = config;
        lifecycle.keys = keys;
        lifecycle.config = config;
        lifecycle.revocations = identity.revocations();
        lifecycle.identity = identity.config();
        lifecycle.jdbc = jdbc;
    }

    /** Moves this node's API key clocks {@code d} ahead of the real time. */
    void later(Duration d) {
        Clock shifted = Clock.offset(Clock.systemUTC(), d);
        keys.clock = shifted;
        lifecycle.clock = shifted;
    }

    IssuedApiKey issue(String tenant, String... scopes) {
        return lifecycle.issue(tenant, new ApiKeySpec("agent", Set.of(scopes), Set.of(Role.DEVELOPER),
                ApiKeys.Environment.LIVE), ApiKeyExpiry.DEFAULT);
    }

    @Override
    public void close() {
        lifecycle.stop();
        TestClusterMembers.stop(member);
        MigratedH2.shutdown(jdbc);
    }
}
