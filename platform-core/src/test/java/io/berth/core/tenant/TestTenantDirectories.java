package io.berth.core.tenant;

import io.berth.core.storage.Jdbc;

/** A {@link TenantDirectory} wired by hand over a database, for tests and measurements outside this package. */
public final class TestTenantDirectories {

    private TestTenantDirectories() {
    }

    /** Not yet attached to a cluster member: start the member with it as a contribution (its near caches), then
     * {@link #attach}. */
    public static TenantDirectory over(Jdbc jdbc) {
        TenantRepository repository = new TenantRepository();
        repository.jdbc = jdbc;
        TenantDirectory directory = new TenantDirectory();
        directory.repository = repository;
        directory.ttlSeconds = 60;
        directory.unknownTtlSeconds = 5;
        return directory;
    }

    public static TenantDirectory attach(TenantDirectory directory, io.berth.core.cluster.ClusterMember member) {
        directory.cluster = member;
        return directory;
    }
}
