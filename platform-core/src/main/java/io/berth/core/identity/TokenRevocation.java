package io.berth.core.identity;

import io.berth.core.apikey.ApiKeyPrincipal;
import io.berth.core.apikey.ApiKeys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Berth's revocation endpoint (RFC 7009), per tenant: a client revokes an access token it was issued. The client
 * authenticates as at the token endpoint. A token that is unknown, malformed, expired, of another tenant or already
 * revoked is still a success (HTTP 200, empty body): the client cannot act on that error (RFC 7009 §2.2). A valid
 * token issued to another client is {@code invalid_client}, as Spring Authorization Server does. The token type hint
 * is ignored: Berth issues access tokens only.
 */
@ApplicationScoped
public class TokenRevocation {

    @Inject
    ApiKeys apiKeys;

    @Inject
    Revocations revocations;

    @Inject
    TokenVerifier verifier;

    @Inject
    IdentityConfig config;

    Clock clock = Clock.systemUTC();

    /** Revokes {@code token} if it is a live Berth token of this client; returns normally for HTTP 200. */
    public void revoke(String tenant, String token, ClientCredentials client) throws OAuthException {
        ApiKeyPrincipal key = TokenIssuer.authenticate(tenant, client, apiKeys, revocations);
        if (token == null || token.isEmpty()) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "token is required.");
        }
        Optional<JwtClaims> claims = verifier.inspectBerthToken(tenant, token);
        if (claims.isEmpty()) {
            return;
        }
        try {
            String jti = claims.get().getJwtId();
            NumericDate exp = claims.get().getExpirationTime();
            if (jti == null || exp == null || !Instant.ofEpochSecond(exp.getValue()).isAfter(
                    clock.instant().minusSeconds(config.clockSkewSeconds()))) {
                return;
            }
            if (!key.keyId().equals(claims.get().getStringClaimValue("client_id"))) {
                throw new OAuthException(OAuthError.INVALID_CLIENT, "The token was not issued to this client.");
            }
            revocations.revoke(tenant, jti, Instant.ofEpochSecond(exp.getValue()));
        } catch (MalformedClaimException e) {
            // Signed by Berth but not one of its access tokens: nothing to revoke.
        }
    }
}
