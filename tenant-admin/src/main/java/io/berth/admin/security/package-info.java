/**
 * Who may call the REST APIs. Authentication ({@code OperatorAuthenticationFilter}, {@code TenantAuthenticationFilter})
 * turns a credential into a {@link io.berth.admin.security.ManagementCaller} with roles: the operator token, a tenant
 * key's roles, or a person's roles from their identity provider's token (MicroProfile JWT, verified by Liberty,
 * {@link io.berth.admin.security.PeopleRoles}). Authorization ({@link io.berth.admin.security.RoleChecks}) then lets
 * each resource method through only for the roles its {@code @Permits} names.
 */
package io.berth.admin.security;
