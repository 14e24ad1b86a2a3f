package io.berth.admin.security;

import io.berth.admin.rest.Permits;
import io.berth.core.access.Role;
import io.berth.core.http.Problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses a matched REST method to a caller without one of the roles its {@link Permits} names; a method without
 * {@code @Permits} is refused to everybody. One instance per method, built once by {@link RoleChecks}.
 */
final class RoleCheck implements ContainerRequestFilter {

    private final Set<Role> permitted;
    private final Problem forbidden;

    RoleCheck(Set<Role> permitted) {
        this.permitted = Set.copyOf(permitted);
        this.forbidden = Problem.of("forbidden", "Forbidden", 403, permitted.isEmpty()
                ? "This operation is not open to any role."
                : "This operation needs one of the roles: " + named(permitted).stream().map(Role::id).sorted()
                        .collect(Collectors.joining(", ")) + ".");
    }

    /** The roles a refusal names: a tenant admin may always do what a tenant role may, so it is named too. */
    private static Set<Role> named(Set<Role> permitted) {
        if (permitted.stream().noneMatch(Role.TENANT_ROLES::contains)) {
            return permitted;
        }
        Set<Role> named = EnumSet.copyOf(permitted);
        named.add(Role.TENANT_ADMIN);
        return named;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Object caller = request.getProperty(ManagementCaller.PROPERTY);
        if (!(caller instanceof ManagementCaller c) || !c.holdsAnyOf(permitted)) {
            request.abortWith(Response.status(403).type(Problem.MEDIA_TYPE).entity(forbidden.toJson()).build());
        }
    }
}
