package io.berth.admin.rest;

import jakarta.ws.rs.container.ContainerRequestContext;

/** Which API a request is for, by its path prefix: each API's filters act on their own prefix only. */
public final class ApiPaths {

    private ApiPaths() {
    }

    /** Whether the request's path is {@code prefix} (e.g. {@code /api/v1}) or below it. */
    public static boolean under(ContainerRequestContext request, String prefix) {
        String path = request.getUriInfo().getPath();
        String p = path.startsWith("/") ? path : "/" + path;
        return p.equals(prefix) || p.startsWith(prefix + "/");
    }
}
