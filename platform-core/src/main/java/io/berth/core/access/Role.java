package io.berth.core.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The roles people and management keys hold on Berth's REST APIs. {@link #OPERATOR} spans every tenant and opens only
 * the operator API; the others are held in one tenant and open only that tenant's part of the tenant API.
 * {@link #TENANT_ADMIN} may do whatever the other tenant roles may.
 */
public enum Role {
    OPERATOR("operator"),
    TENANT_ADMIN("tenant-admin"),
    DEVELOPER("developer"),
    APPROVER("approver"),
    AUDITOR("auditor");

    /** The roles that are held in one tenant. */
    public static final Set<Role> TENANT_ROLES = EnumSet.of(TENANT_ADMIN, DEVELOPER, APPROVER, AUDITOR);

    private final String id;

    Role(String id) {
        this.id = id;
    }

    /** The role's name on the wire (API bodies, token claims, the OpenAPI document). */
    public String id() {
        return id;
    }

    public static Optional<Role> of(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.id.equals(wanted)).findFirst();
    }
}
