package io.berth.core.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.access.Role;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

/** What a key may be: tenant roles only, well-formed scopes, a name, a known environment. */
class ApiKeySpecTest {

    @Test
    void tenantRolesAreReadByTheirWireNames() {
        assertEquals(Set.of(Role.TENANT_ADMIN, Role.APPROVER), ApiKeySpec.roles(List.of("tenant-admin", "approver")));
        assertEquals(Set.of(), ApiKeySpec.roles(null));
    }

    @Test
    void operatorIsNeverAKeyRoleAndTheMessageNamesTheRolesThatAre() {
        for (String role : List.of("operator", "root", "")) {
            ApiKeyException e = assertThrows(ApiKeyException.class, () -> ApiKeySpec.roles(List.of(role)));
            assertEquals("roles", e.field());
            assertTrue(e.getMessage().contains("tenant-admin"), e.getMessage());
        }
        assertThrows(ApiKeyException.class, () -> new ApiKeySpec("k", Set.of(), Set.of(Role.OPERATOR), null));
    }

    @Test
    void aNameIsRequiredAndScopesAreTokens() {
        assertEquals("name", assertThrows(ApiKeyException.class,
                () -> new ApiKeySpec(" ", Set.of(), Set.of(), null)).field());
        assertEquals("name", assertThrows(ApiKeyException.class,
                () -> new ApiKeySpec("x".repeat(201), Set.of(), Set.of(), null)).field());
        assertEquals("scopes", assertThrows(ApiKeyException.class,
                () -> new ApiKeySpec("k", Set.of("crm read"), Set.of(), null)).field());
    }

    @Test
    void theEnvironmentIsLiveUnlessTestIsAsked() {
        assertEquals(ApiKeys.Environment.LIVE, new ApiKeySpec("k", null, null, null).environment());
        assertEquals(ApiKeys.Environment.TEST, ApiKeySpec.environment("test"));
        assertEquals("environment", assertThrows(ApiKeyException.class, () -> ApiKeySpec.environment("prod")).field());
    }
}
