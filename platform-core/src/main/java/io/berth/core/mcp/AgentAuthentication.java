package io.berth.core.mcp;

import io.berth.core.identity.Challenges;
import io.berth.core.identity.IdentityUris;
import io.berth.core.identity.TokenRejected;
import io.berth.core.identity.TokenVerifier;
import io.berth.core.identity.Verification;
import io.berth.core.identity.VerifiedToken;
import io.berth.core.plugin.PluginCatalog;
import io.berth.core.tenant.TenantDirectory;
import io.berth.core.tenant.TenantGateFilter;
import io.berth.core.tenant.TenantStanding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Authenticates every MCP request before any transport work (MCP authorization, spec-2025-11-25.md §10): the bearer
 * token of the {@code Authorization} header, and nowhere else, verified for the tenant on every request (a session is
 * never a credential). No token at a tenant that allows anonymous agents is the anonymous agent; anything else that
 * does not verify is answered here: 401 (400 for a malformed header, 503 when a tenant IdP cannot be reached) with a
 * {@code WWW-Authenticate} challenge naming the tenant's protected resource metadata and the scopes its tools use, and
 * a JSON-RPC error that says only what {@link TokenRejected#description()} says. A suspended or unknown tenant gets
 * exactly that answer too (an unknown one names no scopes: it has no offerings), so strangers cannot tell them apart.
 */
@ApplicationScoped
class AgentAuthentication {

    private static final Logger LOG = Logger.getLogger(AgentAuthentication.class.getName());

    @Inject
    TokenVerifier verifier;

    @Inject
    TenantDirectory tenants;

    @Inject
    IdentityUris uris;

    @Inject
    PluginCatalog catalogs;

    /**
     * The request's agent, or null when the request has been answered with a refusal. A tenant that is not served
     * ({@code standing}) is answered as a served one until the caller proves a credential of it: a token that verifies
     * for it, or no token where it allows anonymous agents (never asked of an unknown tenant). Only then does the
     * caller learn that it is suspended or gone.
     */
    Agent authenticate(String tenant, TenantStanding standing, HttpServletRequest req, HttpServletResponse resp)
            throws IOException {
        var headers = req.getHeaders("Authorization");
        Verification v = verifier.verifyAuthorization(tenant, headers == null ? null : headers.asIterator(),
                standing != TenantStanding.UNKNOWN);
        if (v instanceof VerifiedToken token) {
            if (standing == TenantStanding.SERVED) {
                return Agent.of(token);
            }
            TenantGateFilter.refuse(standing, resp);
            return null;
        }
        TokenRejected rejected = (TokenRejected) v;
        if (rejected.reason() == TokenRejected.Reason.MISSING && standing != TenantStanding.UNKNOWN) {
            try {
                if (tenants.anonymousAgentsAllowed(tenant)) {
                    if (standing == TenantStanding.SERVED) {
                        return Agent.ANONYMOUS;
                    }
                    TenantGateFilter.refuse(standing, resp);
                    return null;
                }
            } catch (RuntimeException e) {
                // The policy cannot be read (database and cluster unreachable): fail closed, as the tenant gate does.
                LOG.log(Level.WARNING, "Agent access policy lookup failed", e);
                resp.setHeader("Retry-After", "5");
                HttpExchange.fail(resp, 503, null, JsonRpcError.INVALID_REQUEST, "Retry shortly.");
                return null;
            }
        }
        resp.setHeader("WWW-Authenticate", Challenges.rejected(uris.protectedResourceMetadata(tenant),
                OfferingAccess.scopesSupported(catalogs.of(tenant)), rejected));
        if (rejected.reason() == TokenRejected.Reason.ISSUER_UNAVAILABLE) {
            resp.setHeader("Retry-After", "5");
        }
        resp.setHeader("Cache-Control", "no-store");
        HttpExchange.fail(resp, rejected.reason().status(), null, JsonRpcError.INVALID_REQUEST,
                rejected.description());
        return null;
    }

    /** The {@code WWW-Authenticate} value of a 403 for an offering the agent lacks scopes for. */
    String insufficientScope(String tenant, JsonRpcException refusal) {
        return Challenges.insufficientScope(uris.protectedResourceMetadata(tenant), refusal.requiredScopes(),
                refusal.error().message());
    }
}
