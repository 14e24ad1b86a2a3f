package io.berth.core.mcp;

import io.berth.core.tenant.TenantGateFilter;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where agents enter: {@code /t/{tenant}/mcp} (Streamable HTTP) and {@code /t/{tenant}/sse} +
 * {@code /t/{tenant}/messages} (the legacy HTTP+SSE transport of 2024-11-05). A plain servlet, not JAX-RS: the agent
 * path is measured against the MCP Java SDK on Tomcat, and JAX-RS alone costs more than that whole SDK per call.
 *
 * <p>The tenant gate has run (filter). Here: the DNS-rebinding checks every transport shares, the agent's bearer token
 * ({@link AgentAuthentication}), then the transport, which keys sessions, streams, request states and tasks by the
 * agent's principal.
 */
@WebServlet(urlPatterns = "/t/*", asyncSupported = true)
public class McpEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(McpEndpoint.class.getName());

    @Inject
    transient McpConfig config;

    @Inject
    transient StreamableHttpTransport streamable;

    @Inject
    transient LegacySseTransport legacy;

    @Inject
    transient AgentAuthentication authentication;

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
        if (!HostRules.hostAllowed(req.getHeader("Host"), config.allowedHosts())
                || !HostRules.originAllowed(req.getHeader("Origin"), config.allowedHosts())) {
            HttpExchange.fail(resp, 403, null, JsonRpcError.INVALID_REQUEST, "Forbidden: host or origin not allowed");
            return;
        }
        try {
            Agent agent = authentication.authenticate(tenant, req, resp);
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
}
