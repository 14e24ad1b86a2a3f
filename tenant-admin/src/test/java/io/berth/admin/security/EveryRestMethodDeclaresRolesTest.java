package io.berth.admin.security;

import io.berth.admin.OperatorApi;
import io.berth.admin.RestApi;
import io.berth.admin.tenantapi.TenantApi;
import io.berth.core.access.Role;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deny by default holds only if nobody forgets: every REST method names its roles, operator paths name only the
 * operator, and tenant paths never name it (an operator acts on tenants through the operator API).
 */
class EveryRestMethodDeclaresRolesTest {

    @Test
    void everyResourceMethodOfTheApplicationNamesItsRoles() {
        List<String> checked = new ArrayList<>();
        for (Class<?> type : new RestApi().getClasses()) {
            Path path = type.getAnnotation(Path.class);
            if (path == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                if (Arrays.stream(method.getAnnotations()).noneMatch(a ->
                        a.annotationType().isAnnotationPresent(HttpMethod.class))) {
                    continue;
                }
                String where = type.getSimpleName() + "." + method.getName();
                Set<Role> roles = RoleChecks.permitted(type, method);
                assertFalse(roles.isEmpty(), where + " declares no @Permits");
                if (path.value().startsWith(OperatorApi.PATH)) {
                    assertEquals(Set.of(Role.OPERATOR), roles, where);
                } else {
                    assertTrue(path.value().startsWith(TenantApi.PATH), where + " is under neither API");
                    assertFalse(roles.contains(Role.OPERATOR), where + " opens the tenant API to the operator role");
                }
                checked.add(where);
            }
        }
        assertTrue(checked.size() >= 25, "too few REST methods found: " + checked);
    }

    @Test
    void aMethodWithoutPermitsIsOpenToNobody() throws NoSuchMethodException {
        assertEquals(Set.of(), RoleChecks.permitted(Unannotated.class, Unannotated.class.getMethod("call")));
    }

    static class Unannotated {
        public void call() {
        }
    }
}
