package io.berth.admin.security;

import io.berth.admin.RestApi;
import io.berth.core.access.Role;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes into the OpenAPI document which roles each operation needs ({@code x-berth-roles}, and a sentence in its
 * description), read from the same {@code @Permits} that {@link RoleChecks} enforces, so the document cannot drift
 * from the rule. Registered with {@code mp.openapi.filter}.
 */
public class RolesInOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, Set<Role>> roles = rolesByOperation();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
            Set<Role> needed = roles.get(key(method.name(), path));
            if (needed != null) {
                describe(op, needed);
            }
        }));
    }

    private static void describe(Operation op, Set<Role> needed) {
        List<String> ids = needed.stream().map(Role::id).sorted().toList();
        op.addExtension("x-berth-roles", ids);
        String sentence = "Roles: " + String.join(", ", ids)
                + (needed.stream().anyMatch(Role.TENANT_ROLES::contains) && !needed.contains(Role.TENANT_ADMIN)
                        ? " (or tenant-admin)." : ".");
        op.setDescription(op.getDescription() == null ? sentence : op.getDescription() + "\n\n" + sentence);
    }

    /** "GET /admin/api/v1/tenants/{id}" → the roles its resource method permits. */
    static Map<String, Set<Role>> rolesByOperation() {
        Map<String, Set<Role>> roles = new HashMap<>();
        for (Class<?> type : new RestApi().getClasses()) {
            Path base = type.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = verb(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    roles.put(key(verb, join(base.value(), sub == null ? "" : sub.value())),
                            RoleChecks.permitted(type, method));
                }
            }
        }
        return roles;
    }

    private static String verb(Method method) {
        for (var a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String path = "/" + strip(base) + (strip(sub).isEmpty() ? "" : "/" + strip(sub));
        return path.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
    }

    private static String strip(String s) {
        return s.replaceAll("^/+|/+$", "");
    }

    private static String key(String verb, String path) {
        return verb.toUpperCase(Locale.ROOT) + " " + path;
    }
}
