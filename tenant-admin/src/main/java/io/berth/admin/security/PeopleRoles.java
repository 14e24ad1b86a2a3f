package io.berth.admin.security;

import io.berth.core.access.Role;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a person's roles from the {@code groups} claim of their identity provider's token. Berth's groups are
 * {@code berth:operator} and {@code berth:<tenant>:<role>} (e.g. {@code berth:acme:developer}); anything else is
 * another application's group and ignored. An identity provider maps its own groups onto these names.
 */
public record PeopleRoles(boolean operator, Map<String, Set<Role>> tenantRoles) {

    static final String OPERATOR_GROUP = "berth:operator";
    private static final Pattern TENANT_GROUP = Pattern.compile("berth:([a-z0-9][a-z0-9-]{0,39}):([a-z-]{1,20})");

    public PeopleRoles {
        tenantRoles = Map.copyOf(tenantRoles);
    }

    public static PeopleRoles of(Collection<String> groups) {
        boolean operator = false;
        Map<String, Set<Role>> byTenant = new HashMap<>();
        for (String group : groups == null ? Set.<String>of() : groups) {
            if (OPERATOR_GROUP.equals(group)) {
                operator = true;
                continue;
            }
            Matcher m = TENANT_GROUP.matcher(group);
            if (m.matches()) {
                Role.of(m.group(2)).filter(Role.TENANT_ROLES::contains).ifPresent(role ->
                        byTenant.computeIfAbsent(m.group(1), t -> EnumSet.noneOf(Role.class)).add(role));
            }
        }
        byTenant.replaceAll((tenant, roles) -> Set.copyOf(roles));
        return new PeopleRoles(operator, byTenant);
    }

    /** The roles held in {@code tenant}; empty when none (whether or not that tenant exists). */
    public Set<Role> in(String tenant) {
        return tenantRoles.getOrDefault(tenant, Set.of());
    }
}
