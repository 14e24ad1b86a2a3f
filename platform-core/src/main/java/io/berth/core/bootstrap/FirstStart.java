package io.berth.core.bootstrap;

import io.berth.core.access.Role;
import io.berth.core.apikey.ApiKeyExpiry;
import io.berth.core.apikey.ApiKeyLifecycle;
import io.berth.core.apikey.ApiKeySpec;
import io.berth.core.apikey.ApiKeys;
import io.berth.core.apikey.ApiKeysConfig;
import io.berth.core.apikey.IssuedApiKey;
import io.berth.core.operator.OperatorCredentials;
import io.berth.core.storage.Jdbc;
import io.berth.core.tenant.TenantException;
import io.berth.core.tenant.TenantService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Runs once per installation. Claiming the installation row and storing the operator credential happen in one
 * transaction, so of several nodes starting on an empty database exactly one bootstraps, and a crash cannot leave an
 * installation without a way in.
 */
@ApplicationScoped
public class FirstStart {

    static final String DEMO_TENANT = "demo";
    private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());

    @Inject
    Jdbc jdbc;

    @Inject
    OperatorCredentials operators;

    @Inject
    TenantService tenants;

    @Inject
    ApiKeyLifecycle apiKeys;

    @Inject
    ApiKeysConfig apiKeysConfig;

    @Inject
    BootstrapConfig config;

    @Inject
    CredentialNotice notice;

    public void run() {
        Instant now = Instant.now();
        Optional<Optional<String>> claimed = jdbc.inTransaction("claim installation", c -> {
            try {
                Jdbc.update(c, "insert into installation (id, created_at) values (1, ?)", now);
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    return Optional.<Optional<String>>empty();
                }
                throw e;
            }
            return Optional.of(operators.generate(c, now));
        });
        if (claimed.isEmpty()) {
            return;
        }
        LOG.info("First start of this installation");
        Optional<IssuedApiKey> demoKey = config.demoTenant() ? createDemoTenant() : Optional.empty();
        notice.handOver(claimed.get(), demoKey);
    }

    private Optional<IssuedApiKey> createDemoTenant() {
        try {
            tenants.create(DEMO_TENANT, "Demo tenant");
        } catch (TenantException.AlreadyExists e) {
            LOG.info("The demo tenant exists already; no demo key is issued");
            return Optional.empty();
        }
        // A tenant-admin key, so that the demo key also uploads plugins; it lives as long as a key may.
        return Optional.of(apiKeys.issue(DEMO_TENANT,
                new ApiKeySpec("demo agent", Set.of(), Set.of(Role.TENANT_ADMIN), ApiKeys.Environment.TEST),
                new ApiKeyExpiry(apiKeysConfig.maxLifetimeDays(), null, false)));
    }
}
