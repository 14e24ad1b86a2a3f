package io.berth.admin.rest;

import io.berth.core.access.Role;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a REST resource method (any one of them suffices). Deny by default: a method without this
 * annotation is refused to everybody. Berth's own annotation rather than {@code @RolesAllowed}, because API keys are
 * not container identities and Liberty enforces {@code @RolesAllowed} against the container's subject only.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Permits {
    Role[] value();
}
