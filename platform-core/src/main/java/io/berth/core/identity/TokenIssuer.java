package io.berth.core.identity;

import io.berth.core.apikey.ApiKeyPrincipal;
import io.berth.core.apikey.ApiKeys;
import io.berth.core.security.Secrets;
import io.berth.core.storage.StorageException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Berth's token endpoint, per tenant: the {@code client_credentials} grant (RFC 6749 §4.4) for agents holding an API
 * key ({@code client_id} = key id, {@code client_secret} = the whole key). Issues an ES256 JWT access token (RFC 9068,
 * {@code typ: at+jwt}) with {@code iss} = {@code <base>/t/<tenant>}, {@code sub} = {@code client_id} = the key id,
 * {@code aud} = the tenant's canonical MCP URI, {@code scope}, {@code jti}, {@code iat}, {@code exp} and {@code tenant}.
 */
@ApplicationScoped
public class TokenIssuer {

    private static final Logger LOG = Logger.getLogger(TokenIssuer.class.getName());
    static final String GRANT = "client_credentials";

    @Inject
    ApiKeys apiKeys;

    @Inject
    TokenKeys keys;

    @Inject
    IdentityUris uris;

    @Inject
    IdentityConfig config;

    @Inject
    Revocations revocations;

    Clock clock = Clock.systemUTC();

    public TokenResponse issue(TokenRequest request) throws OAuthException {
        ApiKeyPrincipal client = authenticateClient(request);
        String audience = uris.resource(request.tenant());
        for (String resource : request.resources()) {
            if (!IdentityUris.canonical(resource).map(audience::equals).orElse(false)) {
                throw new OAuthException(OAuthError.INVALID_TARGET, "resource must be " + audience);
            }
        }
        Set<String> granted = grantedScopes(request.scope(), client.scopes());
        String scope = Scopes.format(granted);
        long lifetime = lifetime(client);
        return new TokenResponse(sign(request.tenant(), client.keyId(), audience, scope, lifetime), "Bearer",
                lifetime, scope);
    }

    /**
     * What {@link #issue} checks before anything tenant-specific: the grant type, then the client, which must be an API
     * key of {@code request.tenant()}. For a tenant that is not served, which answers strangers as a served one does.
     */
    public ApiKeyPrincipal authenticateClient(TokenRequest request) throws OAuthException {
        if (request.grantType() == null || request.grantType().isEmpty()) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "grant_type is required.");
        }
        if (!GRANT.equals(request.grantType())) {
            throw new OAuthException(OAuthError.UNSUPPORTED_GRANT_TYPE, "Only client_credentials is supported.");
        }
        return authenticateClient(request.tenant(), request.client());
    }

    /** The client authentication of the token and revocation endpoints; see {@link #authenticate}. */
    public ApiKeyPrincipal authenticateClient(String tenant, ClientCredentials credentials) throws OAuthException {
        return authenticate(tenant, credentials, apiKeys, revocations);
    }

    /**
     * The API key behind client credentials, which must belong to this tenant and not be revoked; anything else is
     * {@code invalid_client}, with one message whatever failed.
     */
    static ApiKeyPrincipal authenticate(String tenant, ClientCredentials credentials, ApiKeys apiKeys,
                                        Revocations revocations) throws OAuthException {
        Optional<ApiKeyPrincipal> key;
        try {
            key = apiKeys.verify(credentials.clientSecret());
        } catch (StorageException e) {
            LOG.log(Level.WARNING, "API key lookup failed", e);
            throw new OAuthException(OAuthError.TEMPORARILY_UNAVAILABLE, "Retry shortly.");
        }
        if (key.isEmpty() || !key.get().keyId().equals(credentials.clientId())
                || !key.get().tenantId().equals(tenant) || revocations.clientRevoked(tenant, key.get().keyId())) {
            throw new OAuthException(OAuthError.INVALID_CLIENT, "Client authentication failed.");
        }
        return key.get();
    }

    /** A token never outlives its key: one minted from a rotated key ends with the key's overlap window. */
    private long lifetime(ApiKeyPrincipal client) {
        long configured = config.tokenLifetimeSeconds();
        if (client.expiresAt() == null) {
            return configured;
        }
        long left = Duration.between(clock.instant(), client.expiresAt()).getSeconds();
        return Math.max(1, Math.min(configured, left));
    }

    /** The requested scopes if the key grants them all (through the hierarchy too); none requested means all. */
    private static Set<String> grantedScopes(String requested, Set<String> keyScopes) throws OAuthException {
        Set<String> asked;
        try {
            asked = Scopes.parse(requested);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(OAuthError.INVALID_SCOPE, "scope is not a list of scope tokens.");
        }
        if (asked.isEmpty()) {
            return new java.util.TreeSet<>(keyScopes);
        }
        if (!Scopes.allows(keyScopes, asked)) {
            throw new OAuthException(OAuthError.INVALID_SCOPE, "The API key does not grant every requested scope.");
        }
        return asked;
    }

    private String sign(String tenant, String keyId, String audience, String scope, long lifetime) {
        long now = Math.floorDiv(clock.millis(), 1000L);
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(uris.issuer(tenant));
        claims.setSubject(keyId);
        claims.setAudience(audience);
        claims.setClaim("scope", scope);
        claims.setJwtId(Secrets.random(16));
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + lifetime));
        claims.setClaim("client_id", keyId);
        claims.setClaim("tenant", tenant);
        TokenKeys.SigningKey key = keys.signing();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(TokenKeys.ALGORITHM);
        jws.setKeyIdHeaderValue(key.kid());
        jws.setHeader("typ", "at+jwt");
        jws.setKey(key.privateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
    }
}
