package io.berth.core.capability.egress;

import java.util.List;
import java.util.Objects;

/**
 * A tenant's egress settings. The default (no row) allows nothing: an empty allow-list, https only, public addresses
 * only.
 *
 * @param allowedHosts          allow-list rules in their normal form (see {@link EgressSettingsStore#normalise})
 * @param allowHttp             whether plain {@code http://} URLs may be requested
 * @param allowPrivateAddresses whether names may resolve to loopback, private, link-local and other non-public
 *                              addresses (never to metadata endpoints, multicast or unspecified addresses)
 * @param version               grows with every change; 0 when never set (the operator API's ETag)
 */
public record EgressSettings(List<String> allowedHosts, boolean allowHttp, boolean allowPrivateAddresses,
                             long version) {

    public static final EgressSettings NOTHING = new EgressSettings(List.of(), false, false, 0);

    public EgressSettings {
        allowedHosts = List.copyOf(Objects.requireNonNull(allowedHosts, "allowedHosts"));
    }
}
