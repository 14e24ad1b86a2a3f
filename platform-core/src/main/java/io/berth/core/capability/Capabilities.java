package io.berth.core.capability;

import io.berth.core.capability.data.PluginData;
import io.berth.core.capability.egress.Egress;
import io.berth.core.capability.secrets.TenantSecrets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/** Hands each plugin call its {@link CallCapabilities}, scoped to the tenant and plugin being called. */
@ApplicationScoped
public class Capabilities {

    @Inject
    PluginData data;

    @Inject
    Egress egress;

    @Inject
    TenantSecrets secrets;

    /** For tests and wiring by hand. */
    public static Capabilities of(PluginData data, Egress egress, TenantSecrets secrets) {
        Capabilities c = new Capabilities();
        c.data = data;
        c.egress = egress;
        c.secrets = secrets;
        return c;
    }

    /**
     * The capabilities of one call of {@code plugin} for {@code tenantId}; {@code cancelled} stops outbound requests
     * of a cancelled call.
     */
    public CallCapabilities forCall(String tenantId, String plugin, BooleanSupplier cancelled) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(plugin, "plugin");
        return new CallCapabilities(tenantId, plugin, data.store(tenantId, plugin),
                egress.forCall(tenantId, plugin, cancelled), secrets);
    }
}
