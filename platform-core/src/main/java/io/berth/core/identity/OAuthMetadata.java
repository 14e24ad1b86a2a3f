package io.berth.core.identity;

import io.berth.core.json.JsonFactories;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The discovery documents of a tenant, all {@code application/json} and publicly cacheable for a short time:
 * <ul>
 *   <li>RFC 9728 protected resource metadata at {@code /.well-known/oauth-protected-resource/t/{tenant}/mcp};</li>
 *   <li>RFC 8414 authorization server metadata at {@code /.well-known/oauth-authorization-server/t/{tenant}};</li>
 *   <li>the JWKS at {@code /t/{tenant}/oauth/jwks} ({@link TokenKeys#jwks()}).</li>
 * </ul>
 * {@code scopes_supported} is whatever the caller passes (the scopes the tenant's tools declare), without
 * {@code offline_access}.
 */
@ApplicationScoped
public class OAuthMetadata {

    static final List<String> AUTH_METHODS = List.of("client_secret_basic", "client_secret_post");

    @Inject
    IdentityUris uris;

    @Inject
    TenantIdps idps;

    /** RFC 9728: the tenant's MCP endpoint, the authorization servers it accepts tokens from (IdPs first). */
    public JsonObject protectedResource(String tenant, Collection<String> scopesSupported) {
        return protectedResource(tenant, scopesSupported, true);
    }

    /**
     * As {@link #protectedResource(String, Collection)}; with {@code tenantExists} false (no such tenant) it trusts no
     * IdP and none is looked up, so a document for an unknown tenant costs no database read.
     */
    public JsonObject protectedResource(String tenant, Collection<String> scopesSupported, boolean tenantExists) {
        Set<String> servers = new LinkedHashSet<>();
        if (tenantExists) {
            idps.list(tenant).forEach(t -> servers.add(t.issuer()));
        }
        servers.add(uris.issuer(tenant));
        return JsonFactories.BUILDERS.createObjectBuilder()
                .add("resource", uris.resource(tenant))
                .add("authorization_servers", array(servers))
                .add("scopes_supported", array(scopes(scopesSupported)))
                .add("bearer_methods_supported", array(List.of("header")))
                .build();
    }

    /** RFC 8414: Berth's authorization server for this tenant (client credentials with an API key only). */
    public JsonObject authorizationServer(String tenant, Collection<String> scopesSupported) {
        return JsonFactories.BUILDERS.createObjectBuilder()
                .add("issuer", uris.issuer(tenant))
                .add("token_endpoint", uris.tokenEndpoint(tenant))
                .add("jwks_uri", uris.jwksUri(tenant))
                .add("revocation_endpoint", uris.revocationEndpoint(tenant))
                .add("scopes_supported", array(scopes(scopesSupported)))
                .add("response_types_supported", array(List.of()))
                .add("grant_types_supported", array(List.of(TokenIssuer.GRANT)))
                .add("token_endpoint_auth_methods_supported", array(AUTH_METHODS))
                .add("revocation_endpoint_auth_methods_supported", array(AUTH_METHODS))
                .build();
    }

    private static Collection<String> scopes(Collection<String> scopes) {
        return scopes.stream().filter(s -> !s.equals("offline_access")).distinct().sorted().toList();
    }

    private static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder b = JsonFactories.BUILDERS.createArrayBuilder();
        values.forEach(b::add);
        return b;
    }
}
