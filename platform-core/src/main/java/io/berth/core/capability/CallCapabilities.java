package io.berth.core.capability;

import io.berth.core.capability.secrets.TenantSecrets;
import io.berth.core.storage.StorageException;
import io.berth.sdk.DataStore;
import io.berth.sdk.HttpEgress;
import io.berth.sdk.Secret;
import io.berth.sdk.ToolException;

import java.util.Optional;

/**
 * The capabilities of one call of one plugin for one tenant: tenant and plugin are fixed here, by Berth, from the
 * plugin being called, so nothing the plugin passes can widen them.
 */
public final class CallCapabilities {

    private final String tenantId;
    private final String plugin;
    private final DataStore data;
    private final HttpEgress http;
    private final TenantSecrets secrets;

    CallCapabilities(String tenantId, String plugin, DataStore data, HttpEgress http, TenantSecrets secrets) {
        this.tenantId = tenantId;
        this.plugin = plugin;
        this.data = data;
        this.http = http;
        this.secrets = secrets;
    }

    public String tenantId() {
        return tenantId;
    }

    public String plugin() {
        return plugin;
    }

    public DataStore data() {
        return data;
    }

    public HttpEgress http() {
        return http;
    }

    public Optional<Secret> secret(String name) throws ToolException {
        if (!TenantSecrets.validName(name)) {
            throw new ToolException("Invalid secret name: 1 to 64 letters, digits, '.', '_' or '-', starting with "
                    + "a letter");
        }
        try {
            return secrets.find(tenantId, plugin, name);
        } catch (TenantSecrets.UnreadableSecret e) {
            throw new ToolException(e.getMessage());
        } catch (StorageException e) {
            throw new ToolException("Secrets are unavailable right now; try again later");
        }
    }

    @Override
    public String toString() {
        return "CallCapabilities[" + tenantId + ", " + plugin + "]";
    }
}
