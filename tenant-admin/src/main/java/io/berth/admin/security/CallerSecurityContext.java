package io.berth.admin.security;

import io.berth.core.access.Role;

import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;
import java.util.Set;

/** The JAX-RS security context of a REST request made by an authenticated caller, with the roles it holds. */
final class CallerSecurityContext implements SecurityContext {

    private final Principal principal;
    private final Set<Role> roles;
    private final boolean secure;

    CallerSecurityContext(Principal principal, Set<Role> roles, boolean secure) {
        this.principal = principal;
        this.roles = Set.copyOf(roles);
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
        return Role.of(role).map(roles::contains).orElse(false);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }
}
