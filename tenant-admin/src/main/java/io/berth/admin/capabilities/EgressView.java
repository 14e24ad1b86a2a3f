package io.berth.admin.capabilities;

import io.berth.core.capability.egress.EgressSettings;
import io.berth.core.capability.egress.EgressSettingsStore;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Set;

/** A tenant's egress settings: read with GET, replaced whole with PUT (the version travels as the ETag). */
@Schema(name = "EgressSettings", description = "What a tenant's plugins may reach with outbound HTTP. Nothing is "
        + "allowed until hosts are listed.")
public record EgressView(
        @Schema(description = "Hosts plugins may call: 'api.example.com', '*.example.com' (names below example.com), "
                + "'203.0.113.7' or '[2001:db8::7]', each optionally with ':port' (otherwise only 443, or 80 for "
                + "http). Stored in lower case, duplicates removed.",
                example = "[\"api.github.com\", \"*.googleapis.com\", \"hooks.example.com:8443\"]",
                maxItems = EgressSettingsStore.MAX_RULES, required = true)
        @NotNull @Size(max = EgressSettingsStore.MAX_RULES)
        List<String> allowedHosts,
        @Schema(description = "Allow plain http:// URLs (default false: https only)", defaultValue = "false")
        Boolean allowHttp,
        @Schema(description = "Allow names that resolve to loopback, private (RFC 1918), link-local, unique-local, "
                + "CGNAT or reserved addresses (default false). Cloud metadata endpoints, multicast and unspecified "
                + "addresses stay refused.", defaultValue = "false")
        Boolean allowPrivateAddresses) {

    static final Set<String> FIELDS = Set.of("allowedHosts", "allowHttp", "allowPrivateAddresses");

    static EgressView of(EgressSettings s) {
        return new EgressView(s.allowedHosts(), s.allowHttp(), s.allowPrivateAddresses());
    }
}
