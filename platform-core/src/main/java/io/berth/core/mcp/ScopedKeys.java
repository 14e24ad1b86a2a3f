package io.berth.core.mcp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Cluster keys of things that belong to a tenant and a principal (sessions, tasks): {@code tenant:principal:id}. The
 * principal is URL-encoded, so it never contains the separator: a caller cannot reach another principal's entry by
 * choosing an id with a colon in it. Tenant ids have no colon by construction.
 */
final class ScopedKeys {

    private ScopedKeys() {
    }

    static String of(String tenant, String principal, String id) {
        return tenant + ':' + URLEncoder.encode(principal, StandardCharsets.UTF_8) + ':' + id;
    }
}
