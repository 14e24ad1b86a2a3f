package io.berth.core.health;

import io.berth.core.storage.Jdbc;
import io.berth.core.storage.SchemaMigrator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.sql.SQLException;

/** Ready when a pooled connection answers within two seconds and no migration is pending. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    Jdbc jdbc;

    @Inject
    SchemaMigrator migrator;

    @Override
    public HealthCheckResponse call() {
        boolean reachable;
        try (Connection c = jdbc.dataSource().getConnection()) {
            reachable = c.isValid(2);
        } catch (SQLException e) {
            reachable = false;
        }
        boolean migrated = reachable && migrator.upToDate();
        return HealthCheckResponse.named("database")
                .status(reachable && migrated)
                .withData("reachable", reachable)
                .withData("migrated", migrated)
                .withData("schemaVersion", String.valueOf(migrator.schemaVersion()))
                .build();
    }
}
