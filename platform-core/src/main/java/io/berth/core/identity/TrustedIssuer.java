package io.berth.core.identity;

import java.util.Objects;

/**
 * An identity provider a tenant trusts for agent tokens.
 *
 * @param issuer     the exact {@code iss} of its tokens
 * @param jwksUrl    where its signing keys are published (HTTPS)
 * @param audience   the {@code aud} its tokens carry instead of the tenant's canonical MCP URI, or null (the default:
 *                   the IdP puts the MCP URI, from the client's RFC 8707 {@code resource}, in {@code aud})
 * @param scopeClaim the claim with the granted scopes: a space-separated string or an array of strings
 */
public record TrustedIssuer(String tenant, String issuer, String jwksUrl, String audience, String scopeClaim) {

    public TrustedIssuer {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(jwksUrl, "jwksUrl");
        Objects.requireNonNull(scopeClaim, "scopeClaim");
    }
}
