package io.berth.core.oauth;

import io.berth.core.cors.Cors;
import io.berth.core.identity.ClientCredentials;
import io.berth.core.identity.OAuthError;
import io.berth.core.identity.OAuthException;
import io.berth.core.identity.TokenIssuer;
import io.berth.core.identity.TokenKeys;
import io.berth.core.identity.TokenRequest;
import io.berth.core.identity.TokenRevocation;
import io.berth.core.tenant.TenantDirectory;
import io.berth.core.tenant.TenantGateFilter;
import io.berth.core.tenant.TenantStanding;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
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
 * A tenant's authorization server endpoints: {@code /t/{tenant}/oauth/token}, {@code /oauth/revoke} and
 * {@code /oauth/jwks}. A filter rather than a servlet because the MCP endpoint owns the servlet mapping {@code /t/*}
 * and a servlet mapping cannot name the tenant segment; every other path passes through untouched.
 *
 * <p>The tenant gate's classification applies, whichever of the two filters runs first: a tenant that is not served
 * authenticates the client exactly as a served one ({@code invalid_client} for every key not its own, which is every
 * key of an unknown tenant), and only its own client learns the gate's refusal; its JWKS is served, as the keys are the
 * installation's. Token and revocation answers are never cached ({@code Cache-Control: no-store}); errors are RFC 6749
 * §5.2 JSON whose descriptions never repeat a credential, and an {@code invalid_client} after HTTP Basic carries
 * {@code WWW-Authenticate: Basic}. Browsers on other origins are served only where the tenant lists them ({@link Cors}).
 */
@WebFilter(urlPatterns = "/t/*", asyncSupported = true)
public class OAuthEndpoints extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OAuthEndpoints.class.getName());
    private static final Pattern PATH = Pattern.compile("/t/([^/]+)/oauth/(token|revoke|jwks)");
    private static final Set<String> REPEATABLE = Set.of("resource");

    @Inject
    transient TenantDirectory directory;

    @Inject
    transient TokenIssuer issuer;

    @Inject
    transient TokenRevocation revocation;

    @Inject
    transient TokenKeys keys;

    @Inject
    transient Cors cors;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        Matcher m = PATH.matcher(req.getRequestURI().substring(req.getContextPath().length()));
        if (!m.matches()) {
            chain.doFilter(req, resp);
            return;
        }
        String tenant = m.group(1);
        TenantStanding standing = (TenantStanding) req.getAttribute(TenantGateFilter.STANDING_ATTRIBUTE);
        if (standing == null) {
            standing = TenantGateFilter.classify(directory, tenant, resp);
            if (standing == null) {
                return;
            }
        }
        String endpoint = m.group(2);
        String allowed = endpoint.equals("jwks") ? "GET" : "POST";
        String origin = req.getHeader("Origin");
        if (origin != null && cors.apply(tenant, origin, List.of(allowed), req, resp) == Cors.Outcome.ANSWERED) {
            return;
        }
        if (!req.getMethod().equals(allowed)) {
            resp.setHeader("Allow", allowed);
            OAuthResponses.error(resp, 405, new OAuthException(OAuthError.INVALID_REQUEST, "Use " + allowed + "."),
                    false);
            return;
        }
        ClientCredentials client = null;
        try {
            switch (endpoint) {
                case "token" -> {
                    FormBody form = FormBody.read(req, REPEATABLE);
                    client = credentials(req, form);
                    TokenRequest request = new TokenRequest(tenant, form.get("grant_type"), client,
                            form.get("scope"), form.all("resource"));
                    if (standing != TenantStanding.SERVED) {
                        issuer.authenticateClient(request);
                        TenantGateFilter.refuse(standing, resp);
                        return;
                    }
                    OAuthResponses.json(resp, 200, issuer.issue(request).json(), OAuthResponses.NO_STORE);
                }
                case "revoke" -> {
                    FormBody form = FormBody.read(req, Set.of());
                    client = credentials(req, form);
                    if (standing != TenantStanding.SERVED) {
                        issuer.authenticateClient(tenant, client);
                        TenantGateFilter.refuse(standing, resp);
                        return;
                    }
                    revocation.revoke(tenant, form.get("token"), client);
                    OAuthResponses.empty(resp, 200);
                }
                default -> OAuthResponses.json(resp, 200, keys.jwks(), OAuthResponses.PUBLIC);
            }
        } catch (OAuthException e) {
            OAuthResponses.error(resp, e.status(), e, client != null ? client.basic() : basic(req));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "OAuth " + endpoint + " of tenant " + tenant + " failed", e);
            resp.setHeader("Retry-After", "5");
            OAuthResponses.error(resp, 503, new OAuthException(OAuthError.TEMPORARILY_UNAVAILABLE, "Retry shortly."),
                    false);
        }
    }

    private static ClientCredentials credentials(HttpServletRequest req, FormBody form) throws OAuthException {
        var headers = req.getHeaders("Authorization");
        String authorization = null;
        if (headers != null && headers.hasMoreElements()) {
            authorization = headers.nextElement();
            if (headers.hasMoreElements()) {
                throw new OAuthException(OAuthError.INVALID_REQUEST, "Send one Authorization header.");
            }
        }
        return ClientCredentials.of(authorization, form.get("client_id"), form.get("client_secret"));
    }

    private static boolean basic(HttpServletRequest req) {
        String authorization = req.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }
}
