package io.berth.core.storage;

import org.h2.jdbcx.JdbcDataSource;

import java.util.UUID;

/**
 * A fresh in-memory H2 database (PostgreSQL mode) brought to the current schema by the real Flyway migrations, for
 * unit tests of features that keep their data through {@link Jdbc}.
 */
public final class MigratedH2 {

    private MigratedH2() {
    }

    /** A {@link Jdbc} over a new, migrated database; end it with {@link #shutdown(Jdbc)}. */
    public static Jdbc create() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        Jdbc jdbc = new Jdbc();
        jdbc.dataSource = ds;
        SchemaMigrator migrator = new SchemaMigrator();
        migrator.jdbc = jdbc;
        migrator.schema = "public";
        migrator.migrate();
        return jdbc;
    }

    public static void shutdown(Jdbc jdbc) {
        jdbc.update("drop database", "shutdown");
    }
}
