package io.berth.admin.security;

import io.berth.core.access.Role;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling a REST API, once authenticated: the operator token, a tenant's management key or a person (a token of
 * the organisation's identity provider; the principal is then MicroProfile JWT's {@code JsonWebToken}).
 * {@code tenant} is the one tenant a tenant-API caller acts in; operators act in none (the operator API names the
 * tenant in its paths).
 */
public record ManagementCaller(Kind kind, Principal principal, Optional<String> tenant, Set<Role> roles) {

    /** The request property that carries the caller from authentication to authorization and the resources. */
    public static final String PROPERTY = "berth.caller";

    /** How the caller proved who it is. */
    public enum Kind { OPERATOR_TOKEN, API_KEY, PERSON }

    public ManagementCaller {
        roles = Set.copyOf(roles);
    }

    /** How the caller appears in logs and audit records: never a secret. */
    public String subject() {
        return principal.getName();
    }

    /**
     * Whether the caller holds one of {@code permitted}. A tenant admin may do whatever another tenant role may; the
     * operator role opens only what names it.
     */
    public boolean holdsAnyOf(Set<Role> permitted) {
        if (roles.contains(Role.TENANT_ADMIN) && permitted.stream().anyMatch(Role.TENANT_ROLES::contains)) {
            return true;
        }
        return permitted.stream().anyMatch(roles::contains);
    }
}
