package io.berth.core.plugin;

import java.time.Instant;
import java.util.Objects;

/**
 * One uploaded version of a tenant's plugin (without its bytes). {@code declarations} is the canonical JSON of what it
 * offers; {@code status} is {@link #HELD} until approved when its declarations differ from the active version's.
 */
public record PluginVersion(String tenantId, String plugin, int version, String sha256, int sizeBytes,
                            Isolation isolation, String declarations, String status, Instant createdAt,
                            Instant approvedAt) {

    public static final String HELD = "held";
    public static final String APPROVED = "approved";

    /** Where a plugin's code runs. */
    public enum Isolation {
        /** In Berth's JVM, in its own class loader: fast, for vetted code. Not a sandbox. */
        CLASSLOADER,
        /** In a sandboxed worker process of the tenant: for untrusted code. */
        WORKER;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Isolation of(String wire) {
            return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public PluginVersion {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(declarations, "declarations");
        Objects.requireNonNull(status, "status");
    }

    public boolean held() {
        return HELD.equals(status);
    }
}
