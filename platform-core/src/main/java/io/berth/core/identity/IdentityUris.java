package io.berth.core.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Every address the identity feature names, derived from the public base URL. Per tenant {@code t}:
 * <pre>
 * resource (token audience, RFC 8707)   {base}/t/{t}/mcp
 * issuer (Berth's authorization server) {base}/t/{t}
 * token endpoint                        {base}/t/{t}/oauth/token
 * revocation endpoint (RFC 7009)        {base}/t/{t}/oauth/revoke
 * JWKS                                  {base}/t/{t}/oauth/jwks
 * AS metadata (RFC 8414, path-inserted) {base}/.well-known/oauth-authorization-server/t/{t}
 * PRM (RFC 9728, path-inserted)         {base}/.well-known/oauth-protected-resource/t/{t}/mcp
 * </pre>
 */
@ApplicationScoped
public class IdentityUris {

    @Inject
    IdentityConfig config;

    private volatile String base;

    /** The canonical base URL (lower-case scheme and host, no default port, no trailing slash). */
    public String base() {
        String b = base;
        if (b == null) {
            b = config.publicBaseUrl();
            base = b;
        }
        return b;
    }

    /** The tenant's canonical MCP URI: the audience every token for this tenant must carry. */
    public String resource(String tenant) {
        return base() + "/t/" + tenant + "/mcp";
    }

    /** The issuer of the tokens Berth issues for this tenant. */
    public String issuer(String tenant) {
        return base() + "/t/" + tenant;
    }

    public String tokenEndpoint(String tenant) {
        return issuer(tenant) + "/oauth/token";
    }

    public String revocationEndpoint(String tenant) {
        return issuer(tenant) + "/oauth/revoke";
    }

    public String jwksUri(String tenant) {
        return issuer(tenant) + "/oauth/jwks";
    }

    public String authorizationServerMetadata(String tenant) {
        return base() + "/.well-known/oauth-authorization-server/t/" + tenant;
    }

    public String protectedResourceMetadata(String tenant) {
        return base() + "/.well-known/oauth-protected-resource/t/" + tenant + "/mcp";
    }

    /** True when {@code uri} names one of Berth's own per-tenant addresses (any tenant). */
    boolean isBerthTenantAddress(String uri) {
        return canonical(uri).map(c -> c.startsWith(base() + "/t/")).orElse(false);
    }

    /**
     * The canonical form of an absolute http(s) URI (RFC 8707 §2, MCP "canonical server URI"): lower-case scheme and
     * host, no default port, no trailing slash, no fragment, no query, no user info. Empty for anything else.
     */
    public static Optional<String> canonical(String uri) {
        if (uri == null || uri.isEmpty() || uri.length() > 2048) {
            return Optional.empty();
        }
        URI u;
        try {
            u = new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null || u.getRawFragment() != null
                || u.getRawQuery() != null || u.getRawUserInfo() != null || u.isOpaque()) {
            return Optional.empty();
        }
        int port = u.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443)
                || (scheme.equals("http") && port == 80);
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return Optional.of(scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
                + path);
    }
}
