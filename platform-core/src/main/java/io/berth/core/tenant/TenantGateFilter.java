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
 * The first check on every agent-facing request ({@code /t/{tenant}/...}): the tenant must exist and be active. The
 * answer comes from the cluster-wide {@link TenantDirectory}, so a suspension made on any node is honoured here.
 *
 * <p>On success the tenant id is left in the request attribute {@link #TENANT_ATTRIBUTE} for the steps that follow.
 */
@WebFilter(urlPatterns = "/t/*", asyncSupported = true)
public class TenantGateFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    public static final String TENANT_ATTRIBUTE = "io.berth.tenant";

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
        Optional<String> tenant = tenantOf(request.getRequestURI().substring(request.getContextPath().length()));
        if (!admit(directory, tenant.orElse(null), response)) {
            return;
        }
        request.setAttribute(TENANT_ATTRIBUTE, tenant.get());
        chain.doFilter(request, response);
    }

    /**
     * The gate's decision for a tenant id (null: none in the address), for addresses outside {@code /t/} that name a
     * tenant too (the well-known metadata documents): true when it is served; otherwise the same refusal as here has
     * been written to {@code response}, so such an address reveals no more than {@code /t/} does.
     */
    public static boolean admit(TenantDirectory directory, String tenant, HttpServletResponse response)
            throws IOException {
        Optional<TenantStatus> status;
        try {
            status = tenant == null || !TenantId.isValid(tenant) ? Optional.empty() : directory.status(tenant);
        } catch (RuntimeException e) {
            // Database or cluster unreachable: fail closed, and say so without internals.
            LOG.log(Level.WARNING, "Tenant status lookup failed", e);
            response.setHeader("Retry-After", "5");
            UNAVAILABLE.writeTo(response);
            return false;
        }
        if (status.isEmpty()) {
            NOT_FOUND.writeTo(response);
            return false;
        }
        if (status.get() != TenantStatus.ACTIVE) {
            SUSPENDED.writeTo(response);
            return false;
        }
        return true;
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
