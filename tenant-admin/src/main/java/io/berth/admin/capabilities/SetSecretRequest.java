package io.berth.admin.capabilities;

import io.berth.core.capability.secrets.TenantSecrets;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Set;

/** Body of {@code PUT /tenants/{id}/secrets/{name}}. */
@Schema(name = "SetSecret", description = "The value is stored sealed and never returned by any API.")
public record SetSecretRequest(
        @Schema(description = "The secret value (at most 16384 bytes of UTF-8)", required = true,
                writeOnly = true, maxLength = TenantSecrets.MAX_VALUE_BYTES)
        @NotNull @Size(min = 1, max = TenantSecrets.MAX_VALUE_BYTES)
        String value,
        @Schema(description = "Restrict the secret to this plugin; absent: all of the tenant's plugins may read it",
                nullable = true, pattern = PLUGIN_PATTERN, example = "issues.jar")
        @Pattern(regexp = PLUGIN_PATTERN, message = "must be a plugin name: letters, digits, '.', '_' and '-', "
                + "at most 200")
        String plugin) {

    static final String PLUGIN_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$";
    static final Set<String> FIELDS = Set.of("value", "plugin");

    @Override
    public String toString() {
        return "SetSecretRequest[value hidden, plugin=" + plugin + "]";
    }
}
