package io.berth.admin.security;

import io.berth.admin.rest.Permits;
import io.berth.core.access.Role;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Puts a {@link RoleCheck} in front of every REST resource method, with the roles of its {@link Permits} (the
 * method's, else its class's; none = nobody). Done once when the application starts, so a request pays one set
 * lookup, not reflection.
 */
@Provider
public class RoleChecks implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        context.register(new RoleCheck(permitted(resource.getResourceClass(), resource.getResourceMethod())),
                Priorities.AUTHORIZATION);
    }

    /** The roles that may call {@code method} of {@code type}; empty when it declares none. */
    public static Set<Role> permitted(Class<?> type, Method method) {
        Permits permits = method.getAnnotation(Permits.class);
        if (permits == null) {
            permits = type.getAnnotation(Permits.class);
        }
        return permits == null || permits.value().length == 0 ? Set.of()
                : Set.copyOf(EnumSet.copyOf(Arrays.asList(permits.value())));
    }
}
