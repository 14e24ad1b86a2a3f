package io.berth.core.capability.secrets;

import io.berth.core.security.Sealer;
import io.berth.core.storage.Jdbc;
import io.berth.sdk.Secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Named secrets a tenant's operator stores for its plugins. Values are sealed with {@link Sealer} (AES-256-GCM) in a
 * context naming the tenant, the secret and the plugin it is restricted to, so a sealed value copied to another row,
 * another tenant or another plugin does not open. Values are returned only to the plugin code that asks for them
 * through {@code ToolContext.secret}: no API lists them, and no log line or error message contains them.
 */
@ApplicationScoped
public class TenantSecrets {

    /** 1 to 64 characters, starting with a letter: letters, digits, {@code . _ -}. */
    public static final String NAME_PATTERN = "^[A-Za-z][A-Za-z0-9._-]{0,63}$";
    /** The largest value, in UTF-8 bytes. */
    public static final int MAX_VALUE_BYTES = 16384;

    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
    private static final Logger LOG = Logger.getLogger(TenantSecrets.class.getName());

    @Inject
    Jdbc jdbc;

    @Inject
    Sealer sealer;

    Clock clock = Clock.systemUTC();

    /** For tests and wiring by hand. */
    public static TenantSecrets of(Jdbc jdbc, Sealer sealer) {
        TenantSecrets s = new TenantSecrets();
        s.jdbc = jdbc;
        s.sealer = sealer;
        return s;
    }

    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Stores (or replaces) secret {@code name}; {@code plugin} restricts it to one plugin ({@code null}: all).
     *
     * @return true if it is new, false if it replaced one
     */
    public boolean put(String tenantId, String name, String value, String plugin) {
        requireName(name);
        byte[] plain = value.getBytes(StandardCharsets.UTF_8);
        if (value.isEmpty() || plain.length > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("a secret value has 1 to " + MAX_VALUE_BYTES + " bytes");
        }
        String sealed = sealer.seal(context(tenantId, name, plugin), plain);
        java.util.Arrays.fill(plain, (byte) 0);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean created = jdbc.inTransaction("store secret", c -> {
            int updated = Jdbc.update(c, "update plugin_secrets set sealed = ?, plugin = ?, updated_at = ? "
                    + "where tenant_id = ? and name = ?", sealed, plugin, now, tenantId, name);
            if (updated == 0) {
                Jdbc.update(c, "insert into plugin_secrets (tenant_id, name, plugin, sealed, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?)", tenantId, name, plugin, sealed, now, now);
            }
            return updated == 0;
        });
        LOG.info(() -> "Tenant " + tenantId + ": secret '" + name + "' " + (created ? "created" : "replaced"));
        return created;
    }

    /** The tenant's secrets in name order, without values. */
    public List<SecretInfo> list(String tenantId) {
        return jdbc.query("list secrets", "select name, plugin, created_at, updated_at from plugin_secrets "
                        + "where tenant_id = ? order by name",
                r -> new SecretInfo(r.getString("name"), r.getString("plugin"), Jdbc.instant(r, "created_at"),
                        Jdbc.instant(r, "updated_at")), tenantId);
    }

    public Optional<SecretInfo> info(String tenantId, String name) {
        if (!validName(name)) {
            return Optional.empty();
        }
        return jdbc.queryOne("read secret", "select name, plugin, created_at, updated_at from plugin_secrets "
                        + "where tenant_id = ? and name = ?",
                r -> new SecretInfo(r.getString("name"), r.getString("plugin"), Jdbc.instant(r, "created_at"),
                        Jdbc.instant(r, "updated_at")), tenantId, name);
    }

    /** Deletes the secret; true if there was one. */
    public boolean delete(String tenantId, String name) {
        if (!validName(name)) {
            return false;
        }
        boolean deleted = jdbc.update("delete secret", "delete from plugin_secrets where tenant_id = ? and name = ?",
                tenantId, name) == 1;
        if (deleted) {
            LOG.info(() -> "Tenant " + tenantId + ": secret '" + name + "' deleted");
        }
        return deleted;
    }

    /**
     * The secret as plugin {@code plugin} of the tenant may see it: empty if there is none, or it is restricted to
     * another plugin (the two look the same to the plugin).
     *
     * @throws UnreadableSecret when it is stored but does not open (its sealing key is gone, or the row was altered)
     */
    public Optional<Secret> find(String tenantId, String plugin, String name) {
        requireName(name);
        Optional<String[]> row = jdbc.queryOne("read secret", "select plugin, sealed from plugin_secrets "
                        + "where tenant_id = ? and name = ? and (plugin is null or plugin = ?)",
                r -> new String[] {r.getString("plugin"), r.getString("sealed")}, tenantId, name, plugin);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        byte[] plain = sealer.open(context(tenantId, name, row.get()[0]), row.get()[1])
                .orElseThrow(() -> {
                    LOG.warning(() -> "Tenant " + tenantId + ": secret '" + name + "' does not open");
                    return new UnreadableSecret(name);
                });
        try {
            return Optional.of(new Secret(name, new String(plain, StandardCharsets.UTF_8)));
        } finally {
            java.util.Arrays.fill(plain, (byte) 0);
        }
    }

    private static void requireName(String name) {
        if (!validName(name)) {
            throw new IllegalArgumentException("a secret name is 1 to 64 letters, digits, '.', '_' or '-', "
                    + "starting with a letter");
        }
    }

    /** Binds the sealed value to its row: tenant, name and plugin restriction are all authenticated. */
    private static String context(String tenantId, String name, String plugin) {
        return "berth.plugin-secret\n" + tenantId + '\n' + name + '\n' + (plugin == null ? "" : plugin);
    }

    /** A stored secret that cannot be opened. Its message names the secret only. */
    public static final class UnreadableSecret extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadableSecret(String name) {
            super("The secret '" + name + "' cannot be read; ask the operator to set it again");
        }
    }
}
