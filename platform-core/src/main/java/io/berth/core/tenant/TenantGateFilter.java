package io.berth.core.tenant;

import io.berth.core.http.Problem;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The first check on every agent-facing request ({@code /t/{tenant}/...}): which tenant it addresses and that tenant's
 * {@link TenantStanding}, from the cluster-wide {@link TenantDirectory}, so a suspension made on any node is honoured
 * here.
 *
 * <p>Only what reveals nothing is answered here: an id that can never be a tenant (404) and a directory that cannot be
 * read (503, fail closed). Every valid id goes on with its id in {@link #TENANT_ATTRIBUTE} and its standing in
 * {@link #STANDING_ATTRIBUTE}: an unknown or suspended tenant is answered by the endpoint as a served one would answer
 * the same caller, until the caller proves a credential of that tenant ({@link #refuse}). So a stranger cannot tell
 * which tenants exist or are suspended (ADR 0006, "Tenant existence").
 */
@WebFilter(urlPatterns = "/t/*", asyncSupported = true)
public class TenantGateFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    public static final String TENANT_ATTRIBUTE = "io.berth.tenant";
    /** The tenant's {@link TenantStanding}. */
    public static final String STANDING_ATTRIBUTE = "io.berth.tenant.standing";

    private static final Logger LOG = Logger.getLogger(TenantGateFilter.class.getName());

    private static final Problem NOT_FOUND = Problem.of("tenant-not-found", "Tenant not found", 404,
            "No active tenant is served at this address.");
    private static final Problem UNAVAILABLE = Problem.of("unavailable", "Service unavailable", 503,
            "Tenant status cannot be checked right now; retry shortly.");
    private static final Problem SUSPENDED = Problem.of("tenant-suspended", "Tenant suspended", 403,
            "This tenant is suspended: its tools cannot be called until an operator reactivates it.");

    @Inject
    transient TenantDirectory directory;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String tenant = tenantOf(request.getRequestURI().substring(request.getContextPath().length())).orElse(null);
        TenantStanding standing = classify(directory, tenant, response);
        if (standing == null) {
            return;
        }
        request.setAttribute(TENANT_ATTRIBUTE, tenant);
        request.setAttribute(STANDING_ATTRIBUTE, standing);
        chain.doFilter(request, response);
    }

    /**
     * The gate's classification of a tenant id (null: none in the address), also for addresses outside {@code /t/}
     * that name a tenant (the well-known metadata documents). Null when the request has been answered: 404 for an id
     * that can never be a tenant, 503 when the directory cannot be read.
     */
    public static TenantStanding classify(TenantDirectory directory, String tenant, HttpServletResponse response)
            throws IOException {
        if (tenant == null || !TenantId.isValid(tenant)) {
            NOT_FOUND.writeTo(response);
            return null;
        }
        try {
            return TenantStanding.of(directory.status(tenant));
        } catch (RuntimeException e) {
            // Database or cluster unreachable: fail closed, and say so without internals.
            LOG.log(Level.WARNING, "Tenant status lookup failed", e);
            response.setHeader("Retry-After", "5");
            UNAVAILABLE.writeTo(response);
            return null;
        }
    }

    /**
     * The refusal of a tenant that is not served (404 {@code tenant-not-found}, 403 {@code tenant-suspended}), for a
     * caller who has proved a credential of that tenant, or who may call it without one: only they may learn it.
     */
    public static void refuse(TenantStanding standing, HttpServletResponse response) throws IOException {
        if (standing == TenantStanding.SERVED) {
            throw new IllegalArgumentException("a served tenant is not refused");
        }
        (standing == TenantStanding.SUSPENDED ? SUSPENDED : NOT_FOUND).writeTo(response);
    }

    /** The tenant id in {@code /t/{tenant}[/...]}, if the path has one that could be valid. */
    static Optional<String> tenantOf(String path) {
        if (!path.startsWith("/t/")) {
            return Optional.empty();
        }
        int end = path.indexOf('/', 3);
        String id = end < 0 ? path.substring(3) : path.substring(3, end);
        return TenantId.isValid(id) ? Optional.of(id) : Optional.empty();
    }
}
