package io.berth.core.oauth;

import io.berth.core.cors.Cors;
import io.berth.core.http.Problem;
import io.berth.core.identity.OAuthMetadata;
import io.berth.core.mcp.OfferingAccess;
import io.berth.core.plugin.PluginCatalog;
import io.berth.core.tenant.TenantDirectory;
import io.berth.core.tenant.TenantGateFilter;
import io.berth.core.tenant.TenantStanding;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The discovery documents of each tenant at their path-inserted well-known addresses (RFC 8615):
 * {@code /.well-known/oauth-protected-resource/t/{tenant}/mcp} (RFC 9728: where MCP clients learn which authorization
 * servers the tenant's endpoint trusts and which scopes its tools use) and
 * {@code /.well-known/oauth-authorization-server/t/{tenant}} (RFC 8414: Berth's token endpoint for the tenant).
 *
 * <p>These addresses are outside {@code /t/}, so the tenant gate does not run for them: this servlet classifies the
 * tenant itself, with the gate's answers for an invalid id (404) and an unreadable directory (503). Every other tenant
 * id gets its documents, built the same way: they hold nothing secret, and an unknown tenant's (its own addresses, no
 * scopes) is indistinguishable from a served tenant's without scoped offerings. Browsers on other origins may read them
 * only where the tenant lists them ({@link Cors}), as for its other agent-facing endpoints.
 */
@WebServlet(urlPatterns = "/.well-known/*")
public class WellKnownEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(WellKnownEndpoint.class.getName());
    private static final Pattern RESOURCE = Pattern.compile("/oauth-protected-resource/t/([^/]+)/mcp");
    private static final List<String> GET = List.of("GET");
    private static final Pattern AUTHORIZATION_SERVER = Pattern.compile("/oauth-authorization-server/t/([^/]+)");
    private static final Problem NOT_FOUND = Problem.of("not-found", "Not found", 404,
            "No document is served at this address.");
    private static final Problem UNAVAILABLE = Problem.of("unavailable", "Service unavailable", 503,
            "Retry shortly.");

    @Inject
    transient TenantDirectory directory;

    @Inject
    transient OAuthMetadata metadata;

    @Inject
    transient PluginCatalog catalogs;

    @Inject
    transient Cors cors;

    /** A document address's tenant and the gate's classification of it. */
    private record Addressed(String tenant, TenantStanding standing) {
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Addressed addressed = addressed(req, resp);
        if (addressed == null) {
            return;
        }
        String origin = req.getHeader("Origin");
        if (origin == null || cors.apply(addressed.tenant(), origin, GET, req, resp) != Cors.Outcome.ANSWERED) {
            resp.setHeader("Allow", "GET, OPTIONS");
            resp.setStatus(204);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Addressed addressed = addressed(req, resp);
        if (addressed == null) {
            return;
        }
        String tenant = addressed.tenant();
        String origin = req.getHeader("Origin");
        if (origin != null) {
            cors.apply(tenant, origin, GET, req, resp);
        }
        boolean isResource = RESOURCE.matcher(req.getPathInfo()).matches();
        JsonObject document;
        try {
            Set<String> scopes = OfferingAccess.scopesSupported(catalogs.of(tenant));
            document = isResource
                    ? metadata.protectedResource(tenant, scopes, addressed.standing() != TenantStanding.UNKNOWN)
                    : metadata.authorizationServer(tenant, scopes);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Metadata of tenant " + tenant + " could not be built", e);
            resp.setHeader("Retry-After", "5");
            UNAVAILABLE.writeTo(resp);
            return;
        }
        OAuthResponses.json(resp, 200, document, OAuthResponses.PUBLIC);
    }

    /**
     * The tenant a document address names and its standing; otherwise null, and the answer (404, or the gate's 404
     * or 503) has been written.
     */
    private Addressed addressed(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        Matcher resource = RESOURCE.matcher(path);
        Matcher server = AUTHORIZATION_SERVER.matcher(path);
        boolean isResource = resource.matches();
        if (!isResource && !server.matches()) {
            NOT_FOUND.writeTo(resp);
            return null;
        }
        String tenant = isResource ? resource.group(1) : server.group(1);
        TenantStanding standing = TenantGateFilter.classify(directory, tenant, resp);
        return standing == null ? null : new Addressed(tenant, standing);
    }
}
