package io.berth.core.cors;

import io.berth.core.tenant.TenantDirectory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The CORS protocol at a tenant's agent-facing endpoints, for requests that carry an {@code Origin} header (callers
 * skip this for requests without one: a single header lookup on the hot path). Whether the origin is listed comes from
 * {@link TenantDirectory}'s near cache, never from the database per request.
 *
 * <ul>
 *   <li>A preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered here: 204 with the exact
 *   origin, the endpoint's methods, the MCP headers and a max-age when the origin is listed and asks for one of those
 *   methods; otherwise 403 without any CORS header.</li>
 *   <li>Any other request from a listed origin gets {@code Access-Control-Allow-Origin} (that origin, never
 *   {@code *}), the response headers a client must read, and {@code Vary: Origin}; from an unlisted origin nothing.
 *   </li>
 * </ul>
 * Never {@code Access-Control-Allow-Credentials}: agents authenticate with {@code Authorization}, so a page never needs
 * the browser's cookies or client certificates, and refusing them keeps ambient credentials out of reach.
 */
@ApplicationScoped
public class Cors {

    /** What became of the request. */
    public enum Outcome {
        /** A preflight, answered (204 or 403): nothing more to do. */
        ANSWERED,
        /** From a listed origin: the CORS headers are on the response; serve it. */
        ALLOWED,
        /** From an origin the tenant does not list: no CORS headers; the endpoint's own rules decide. */
        NOT_LISTED
    }

    static final String EXPOSED_HEADERS = "Mcp-Session-Id, MCP-Protocol-Version, WWW-Authenticate, Retry-After";
    /** Seconds a browser may reuse a preflight; short, so that a removed origin stops being tried soon. */
    static final String MAX_AGE = "600";
    private static final Logger LOG = Logger.getLogger(Cors.class.getName());

    @Inject
    TenantDirectory directory;

    /**
     * Applies the tenant's CORS rules to a request carrying {@code origin}.
     *
     * @param methods the methods the endpoint serves (what a preflight may ask for)
     */
    public Outcome apply(String tenant, String origin, List<String> methods, HttpServletRequest req,
                         HttpServletResponse resp) {
        boolean listed = listed(tenant, origin);
        String requestMethod = req.getHeader("Access-Control-Request-Method");
        if (requestMethod != null && req.getMethod().equals("OPTIONS")) {
            preflight(listed && methods.contains(requestMethod.strip()), origin, methods, req, resp);
            return Outcome.ANSWERED;
        }
        if (!listed) {
            return Outcome.NOT_LISTED;
        }
        resp.setHeader("Access-Control-Allow-Origin", origin);
        resp.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        resp.addHeader("Vary", "Origin");
        return Outcome.ALLOWED;
    }

    private static void preflight(boolean allowed, String origin, List<String> methods, HttpServletRequest req,
                                  HttpServletResponse resp) {
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(0);
        if (!allowed) {
            resp.setStatus(403);
            return;
        }
        resp.setStatus(204);
        resp.setHeader("Access-Control-Allow-Origin", origin);
        resp.setHeader("Access-Control-Allow-Methods", String.join(", ", methods));
        resp.setHeader("Access-Control-Allow-Headers",
                Preflight.allowHeaders(req.getHeader("Access-Control-Request-Headers")));
        resp.setHeader("Access-Control-Max-Age", MAX_AGE);
        resp.addHeader("Vary", "Origin");
    }

    private boolean listed(String tenant, String origin) {
        try {
            return directory.originAllowed(tenant, origin);
        } catch (RuntimeException e) {
            // Database and cluster unreachable: fail closed, the request is treated as from an unlisted origin.
            LOG.log(Level.WARNING, "CORS allow-list lookup failed", e);
            return false;
        }
    }
}
