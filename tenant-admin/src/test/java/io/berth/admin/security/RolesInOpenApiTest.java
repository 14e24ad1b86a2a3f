package io.berth.admin.security;

import io.berth.core.access.Role;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The roles the OpenAPI document states are the ones the resource methods permit, under the document's paths. */
class RolesInOpenApiTest {

    @Test
    void everyOperationIsKeyedByItsDocumentPathWithItsPermittedRoles() {
        Map<String, Set<Role>> roles = RolesInOpenApi.rolesByOperation();
        assertEquals(Set.of(Role.OPERATOR), roles.get("GET /admin/api/v1/tenants/{id}"));
        assertEquals(Set.of(Role.APPROVER), roles.get("POST /api/v1/plugins/{name}/versions/{version}/approve"));
        assertEquals(Set.of(Role.DEVELOPER), roles.get("DELETE /api/v1/plugins/{name}"));
        assertEquals(Set.of(Role.TENANT_ADMIN), roles.get("POST /api/v1/revocations"));
        assertTrue(roles.size() >= 30, roles.keySet().toString());
        roles.forEach((operation, permitted) -> assertTrue(!permitted.isEmpty(), operation));
    }
}
