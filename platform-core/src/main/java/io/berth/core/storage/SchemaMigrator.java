package io.berth.core.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

import java.util.logging.Logger;

/**
 * Brings the database schema up to date with Flyway before anything else touches it.
 *
 * <p>Several nodes may start at once: Flyway takes a database lock, so exactly one applies each migration. Migrations
 * live in {@code db/migration} next to an empty {@code flyway.location} marker, without which Flyway's classpath
 * scanner finds nothing inside Liberty's application class loader. Flyway always probes {@code db/callback} too, so
 * that folder holds an empty marker as well (otherwise every start logs a spurious error).
 */
@ApplicationScoped
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Inject
    Jdbc jdbc;

    @Inject
    @ConfigProperty(name = "berth.db.schema")
    String schema;

    private volatile Flyway flyway;
    private volatile String appliedVersion;

    public void migrate() {
        Flyway configured = Flyway.configure(getClass().getClassLoader())
                .dataSource(jdbc.dataSource())
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        var result = configured.migrate();
        flyway = configured;
        appliedVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema '" + schema + "' at version " + appliedVersion + " ("
                + result.migrationsExecuted + " migrations applied now)");
    }

    /** True once {@link #migrate()} has run and the database has no pending migration. */
    public boolean upToDate() {
        Flyway f = flyway;
        if (f == null) {
            return false;
        }
        MigrationInfo[] pending = f.info().pending();
        return pending.length == 0;
    }

    public String schemaVersion() {
        return appliedVersion;
    }
}
