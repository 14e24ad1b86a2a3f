package io.berth.core.mcp;

import io.berth.core.cors.Cors;
import io.berth.core.tenant.TenantGateFilter;
import io.berth.core.tenant.TenantStanding;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where agents enter: {@code /t/{tenant}/mcp} (Streamable HTTP) and {@code /t/{tenant}/sse} +
 * {@code /t/{tenant}/messages} (the legacy HTTP+SSE transport of 2024-11-05). A plain servlet, not JAX-RS: the agent
 * path is measured against the MCP Java SDK on Tomcat, and JAX-RS alone costs more than that whole SDK per call.
 *
 * <p>The tenant gate has run (filter) and classified the tenant; one that is not served is answered as a served one
 * until the agent proves a credential of it ({@link AgentAuthentication}). Here: the DNS-rebinding checks every
 * transport shares (with the tenant's CORS allow-list, {@link Cors}, for browsers on other origins; a preflight is
 * answered there), the agent's bearer token ({@link AgentAuthentication}), then the transport, which keys sessions,
 * streams, request states and tasks by the agent's principal.
 */
@WebServlet(urlPatterns = "/t/*", asyncSupported = true)
public class McpEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(McpEndpoint.class.getName());
    private static final List<String> STREAMABLE_METHODS = List.of("POST", "GET", "DELETE");
    private static final List<String> SSE_METHODS = List.of("GET");
    private static final List<String> MESSAGE_METHODS = List.of("POST");

    @Inject
    transient McpConfig config;

    @Inject
    transient StreamableHttpTransport streamable;

    @Inject
    transient LegacySseTransport legacy;

    @Inject
    transient AgentAuthentication authentication;

    @Inject
    transient Cors cors;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String tenant = (String) req.getAttribute(TenantGateFilter.TENANT_ATTRIBUTE);
        String path = req.getPathInfo();
        String prefix = "/" + tenant + "/";
        String endpoint = tenant != null && path != null && path.startsWith(prefix) ? path.substring(prefix.length())
                : "";
        if (!endpoint.equals("mcp") && !endpoint.equals("sse") && !endpoint.equals("messages")) {
            HttpExchange.fail(resp, 404, null, JsonRpcError.INVALID_REQUEST, "No MCP endpoint at this address");
            return;
        }
        String host = req.getHeader("Host");
        if (host == null) {
            host = HostRules.http2Authority(req.getProtocol(), req.getServerName());
        }
        if (!HostRules.hostAllowed(host, config.allowedHosts())) {
            forbidden(resp);
            return;
        }
        String origin = req.getHeader("Origin");
        if (origin != null && !originAdmitted(tenant, origin, endpoint, req, resp)) {
            return;
        }
        try {
            Agent agent = authentication.authenticate(tenant, standing(req), req, resp);
            if (agent == null) {
                return;
            }
            switch (endpoint) {
                case "mcp" -> streamable.service(tenant, agent, req, resp);
                case "sse" -> legacy.openStream(tenant, agent, req, resp);
                default -> legacy.post(tenant, agent, req, resp);
            }
        } catch (JsonRpcException e) {
            if (e.requiredScopes() != null) {
                resp.setHeader("WWW-Authenticate", authentication.insufficientScope(tenant, e));
            }
            HttpExchange.fail(resp, e.httpStatus(), e.id(), e.error());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "MCP request of tenant " + tenant + " failed", e);
            HttpExchange.fail(resp, 500, null, JsonRpcError.INTERNAL_ERROR, "Internal error");
        }
    }

    /**
     * A browser's request: a preflight is answered by {@link Cors}; any other request goes on when the tenant lists
     * its origin (CORS) or the origin names a host Berth answers to (DNS-rebinding protection), and is refused (403)
     * otherwise. False when the request has been answered.
     */
    private boolean originAdmitted(String tenant, String origin, String endpoint, HttpServletRequest req,
                                   HttpServletResponse resp) throws IOException {
        List<String> methods = switch (endpoint) {
            case "mcp" -> STREAMABLE_METHODS;
            case "sse" -> SSE_METHODS;
            default -> MESSAGE_METHODS;
        };
        Cors.Outcome outcome = cors.apply(tenant, origin, methods, req, resp);
        if (outcome == Cors.Outcome.NOT_LISTED && !HostRules.originAllowed(origin, config.allowedHosts())) {
            forbidden(resp);
            return false;
        }
        return outcome != Cors.Outcome.ANSWERED;
    }

    /** The gate's classification; a request it did not classify is refused as at an unknown tenant. */
    private static TenantStanding standing(HttpServletRequest req) {
        Object standing = req.getAttribute(TenantGateFilter.STANDING_ATTRIBUTE);
        return standing instanceof TenantStanding s ? s : TenantStanding.UNKNOWN;
    }

    private static void forbidden(HttpServletResponse resp) throws IOException {
        HttpExchange.fail(resp, 403, null, JsonRpcError.INVALID_REQUEST, "Forbidden: host or origin not allowed");
    }
}
