package io.berth.admin.security;

import io.berth.core.access.Role;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeopleRolesTest {

    @Test
    void readsOperatorAndTenantRolesFromBerthGroups() {
        PeopleRoles roles = PeopleRoles.of(List.of("berth:operator", "berth:acme:developer", "berth:acme:approver",
                "berth:globex:auditor"));
        assertTrue(roles.operator());
        assertEquals(Set.of(Role.DEVELOPER, Role.APPROVER), roles.in("acme"));
        assertEquals(Set.of(Role.AUDITOR), roles.in("globex"));
        assertEquals(Set.of(), roles.in("initech"));
    }

    @Test
    void ignoresOtherApplicationsGroupsAndUnknownRoles() {
        PeopleRoles roles = PeopleRoles.of(List.of("admins", "berth:acme:owner", "berth:ACME:developer",
                "berth:acme:operator", "berth:acme", "berth:acme:developer:extra", "xberth:operator",
                "berth:operator "));
        assertFalse(roles.operator());
        assertEquals(Map.of(), roles.tenantRoles());
    }

    @Test
    void noGroupsMeansNoRoles() {
        assertFalse(PeopleRoles.of(null).operator());
        assertEquals(Map.of(), PeopleRoles.of(Set.of()).tenantRoles());
    }

    @Test
    void aTenantAdminMayDoWhatEveryTenantRoleMayButNeverOperatorWork() {
        ManagementCaller admin = new ManagementCaller(ManagementCaller.Kind.API_KEY, () -> "key:1",
                java.util.Optional.of("acme"), Set.of(Role.TENANT_ADMIN));
        assertTrue(admin.holdsAnyOf(Set.of(Role.DEVELOPER)));
        assertTrue(admin.holdsAnyOf(Set.of(Role.APPROVER, Role.AUDITOR)));
        assertFalse(admin.holdsAnyOf(Set.of(Role.OPERATOR)));
        assertFalse(admin.holdsAnyOf(Set.of()));

        ManagementCaller auditor = new ManagementCaller(ManagementCaller.Kind.PERSON, () -> "person:x#y",
                java.util.Optional.of("acme"), Set.of(Role.AUDITOR));
        assertTrue(auditor.holdsAnyOf(Set.of(Role.DEVELOPER, Role.AUDITOR)));
        assertFalse(auditor.holdsAnyOf(Set.of(Role.DEVELOPER)));
        assertFalse(auditor.holdsAnyOf(Set.of(Role.TENANT_ADMIN)));
    }
}
