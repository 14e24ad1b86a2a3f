package io.berth.core.identity;

import io.berth.core.identity.TokenRejected.Reason;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies the bearer token of an agent request for one tenant, on every request.
 *
 * <p>A token not seen before is checked in full: compact JWS, algorithm allow-list (ES256 for Berth's tokens, ES256 or
 * RS256 for a tenant's IdP; never {@code none} or HMAC), known kid, signature, issuer (Berth's for this tenant or one
 * the tenant trusts), audience (the tenant's canonical MCP URI), {@code exp}/{@code nbf}/{@code iat} with the clock skew,
 * {@code typ}, required claims. A token that passes is cached by its SHA-256 until it expires, so the next request costs
 * a hash and a few lookups; revocation (of the {@code jti}, or of the API key behind a Berth token) is checked on every
 * call, cached or not, against the node-local mirror of {@link Revocations}.
 *
 * <p>Callers learn only {@link TokenRejected.Reason#status()} and the generic description; the specific reason goes to
 * a FINE log line that never contains the token.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());
    private static final int MAX_JTI_CHARS = 128;

    @Inject
    IdentityConfig config;

    @Inject
    IdentityUris uris;

    @Inject
    TokenKeys keys;

    @Inject
    Revocations revocations;

    @Inject
    TenantIdps idps;

    Clock clock = Clock.systemUTC();

    private volatile VerifiedTokenCache cache;
    private volatile JwksClient jwks;

    /** Verifies the request's {@code Authorization} headers ({@code HttpServletRequest.getHeaders("Authorization")}). */
    public Verification verifyAuthorization(String tenant, Iterator<String> authorizationHeaders) {
        return verifyAuthorization(tenant, authorizationHeaders, true);
    }

    /**
     * As {@link #verifyAuthorization(String, Iterator)}; with {@code tenantExists} false (the tenant gate found no
     * such tenant) the tenant trusts no IdP and its IdPs are not looked up, so requests naming unknown tenants cost no
     * database read and leave nothing in the IdP cache.
     */
    public Verification verifyAuthorization(String tenant, Iterator<String> authorizationHeaders,
                                            boolean tenantExists) {
        BearerHeader.Result read = BearerHeader.read(authorizationHeaders);
        if (read instanceof BearerHeader.Refused refused) {
            return refused.rejected();
        }
        return verify(tenant, ((BearerHeader.Token) read).value(), tenantExists);
    }

    /** Verifies a bearer token (the credential after {@code Bearer }) for requests to {@code tenant}. */
    public Verification verify(String tenant, String token) {
        return verify(tenant, token, true);
    }

    private Verification verify(String tenant, String token, boolean tenantExists) {
        if (token == null || token.isEmpty()) {
            return TokenRejected.of(Reason.MISSING);
        }
        if (!ParsedJws.printableAscii(token)) {
            return refuse(tenant, Reason.MALFORMED, "not a printable ASCII string of acceptable length");
        }
        VerifiedTokenCache c = cache();
        VerifiedTokenCache.Digest digest = VerifiedTokenCache.digest(token);
        long now = clock.millis();
        VerifiedTokenCache.Entry cached = c.get(digest);
        if (cached != null && cached.token().tenant().equals(tenant)) {
            if (now < cached.notAfterMillis()) {
                return notRevoked(cached.token());
            }
            // Expired, or an IdP token due for a look at its issuer's current keys: the full check decides.
            c.remove(digest);
        }
        return verifyInFull(tenant, token, digest, now, tenantExists);
    }

    /** Forgets every cached verification (tests; after an emergency key removal). */
    public void clearCache() {
        cache().clear();
    }

    private Verification notRevoked(VerifiedToken t) {
        if (revocations.tokenRevoked(t.tenant(), t.jti())) {
            return refuse(t.tenant(), Reason.REVOKED, "jti revoked");
        }
        if (t.berthIssued() && revocations.clientRevoked(t.tenant(), t.clientId())) {
            return refuse(t.tenant(), Reason.CLIENT_REVOKED, "API key revoked");
        }
        return t;
    }

    private Verification verifyInFull(String tenant, String token, VerifiedTokenCache.Digest digest, long now,
                                      boolean tenantExists) {
        ParsedJws p = ParsedJws.parse(token);
        if (p.rejected != null) {
            return refuse(tenant, p.rejected, p.detail);
        }
        String issuer;
        try {
            issuer = p.claims.getIssuer();
        } catch (MalformedClaimException e) {
            return refuse(tenant, Reason.MALFORMED, "iss is not a string");
        }
        if (issuer == null) {
            return refuse(tenant, Reason.MISSING_CLAIM, "no iss");
        }
        boolean berth = issuer.equals(uris.issuer(tenant));
        TrustedIssuer trust = berth || !tenantExists ? null : idps.find(tenant, issuer).orElse(null);
        if (!berth && trust == null) {
            return refuse(tenant, Reason.WRONG_ISSUER, "issuer not trusted by the tenant");
        }
        KeyChoice key = berth ? berthKey(p) : idpKey(p, trust);
        if (key.rejected() != null) {
            return refuse(tenant, key.rejected(), key.detail());
        }
        if (!p.signedBy(key.key())) {
            return refuse(tenant, Reason.BAD_SIGNATURE, "signature does not verify");
        }
        try {
            return checkClaims(tenant, p.claims, issuer, berth, trust, digest, now);
        } catch (MalformedClaimException e) {
            return refuse(tenant, Reason.MALFORMED, "a claim has the wrong type");
        }
    }

    /** The key to verify with, or why there is none. */
    private record KeyChoice(PublicKey key, Reason rejected, String detail) {
        static KeyChoice refused(Reason reason, String detail) {
            return new KeyChoice(null, reason, detail);
        }
    }

    private KeyChoice berthKey(ParsedJws p) {
        if (!ParsedJws.ES256.equals(p.alg)) {
            return KeyChoice.refused(Reason.UNSUPPORTED_ALGORITHM, "Berth tokens are ES256");
        }
        String typ = p.header("typ");
        if (!"at+jwt".equalsIgnoreCase(typ) && !"application/at+jwt".equalsIgnoreCase(typ)) {
            return KeyChoice.refused(Reason.WRONG_TYPE, "typ is not at+jwt");
        }
        Optional<PublicKey> found = p.kid == null ? Optional.empty() : keys.find(p.kid);
        return found.map(k -> new KeyChoice(k, null, null))
                .orElseGet(() -> KeyChoice.refused(Reason.UNKNOWN_KEY, "no Berth key with this kid"));
    }

    private KeyChoice idpKey(ParsedJws p, TrustedIssuer trust) {
        String typ = p.header("typ");
        if (typ != null && !typ.equalsIgnoreCase("JWT") && !typ.equalsIgnoreCase("at+jwt")
                && !typ.equalsIgnoreCase("application/at+jwt")) {
            return KeyChoice.refused(Reason.WRONG_TYPE, "typ is neither JWT nor at+jwt");
        }
        try {
            return jwks().key(trust.jwksUrl(), p.kid, p.alg).map(k -> new KeyChoice(k, null, null))
                    .orElseGet(() -> KeyChoice.refused(Reason.UNKNOWN_KEY, "no IdP key for this kid and alg"));
        } catch (JwksClient.Unavailable e) {
            return KeyChoice.refused(Reason.ISSUER_UNAVAILABLE, e.getMessage());
        }
    }

    private Verification checkClaims(String tenant, JwtClaims claims, String issuer, boolean berth,
                                     TrustedIssuer trust, VerifiedTokenCache.Digest digest, long nowMillis)
            throws MalformedClaimException {
        long now = Math.floorDiv(nowMillis, 1000L);
        long skew = config.clockSkewSeconds();
        NumericDate exp = claims.getExpirationTime();
        NumericDate iat = claims.getIssuedAt();
        NumericDate nbf = claims.getNotBefore();
        if (exp == null || (berth && iat == null)) {
            return refuse(tenant, Reason.MISSING_CLAIM, "no exp or iat");
        }
        if (now >= exp.getValue() + skew) {
            return refuse(tenant, Reason.EXPIRED, "exp passed");
        }
        if ((nbf != null && nbf.getValue() > now + skew) || (iat != null && iat.getValue() > now + skew)) {
            return refuse(tenant, Reason.NOT_YET_VALID, "nbf or iat in the future");
        }
        String expectedAudience = trust != null && trust.audience() != null ? trust.audience() : uris.resource(tenant);
        if (!audienceMatches(claims.getAudience(), expectedAudience)) {
            return refuse(tenant, Reason.WRONG_AUDIENCE, "aud is not this tenant's resource");
        }
        String subject = claims.getSubject();
        String jti = claims.getJwtId();
        if (subject == null || subject.isEmpty()) {
            return refuse(tenant, Reason.MISSING_CLAIM, "no sub");
        }
        if (jti != null && (jti.isEmpty() || jti.length() > MAX_JTI_CHARS)) {
            return refuse(tenant, Reason.MALFORMED, "jti empty or too long");
        }
        String clientId;
        Set<String> scopes;
        if (berth) {
            clientId = claims.getStringClaimValue("client_id");
            if (jti == null || clientId == null) {
                return refuse(tenant, Reason.MISSING_CLAIM, "no jti or client_id");
            }
            if (!tenant.equals(claims.getStringClaimValue("tenant")) || !clientId.equals(subject)) {
                return refuse(tenant, Reason.WRONG_AUDIENCE, "tenant or client_id claim does not match");
            }
            scopes = scopes(claims, "scope");
        } else {
            String cid = claims.getStringClaimValue("client_id");
            String azp = claims.getStringClaimValue("azp");
            clientId = cid != null ? cid : azp != null ? azp : subject;
            scopes = scopes(claims, trust.scopeClaim());
            if (jti == null) {
                jti = "sha256:" + hex(digest);
            }
        }
        VerifiedToken verified = new VerifiedToken(new AgentPrincipal(tenant, issuer, subject), clientId, scopes, jti,
                Instant.ofEpochSecond(exp.getValue()), berth);
        long notAfter = (exp.getValue() + skew) * 1000L;
        if (!berth) {
            // An IdP may pull a key from its JWKS (compromise): look at its keys again within the JWKS cache time.
            notAfter = Math.min(notAfter, nowMillis + config.jwksTtlSeconds() * 1000L);
        }
        cache().put(digest, new VerifiedTokenCache.Entry(verified, notAfter), nowMillis);
        return notRevoked(verified);
    }

    /** A scope claim: a space-separated string or an array of strings; absent means none. */
    private static Set<String> scopes(JwtClaims claims, String name) throws MalformedClaimException {
        Object value = claims.getClaimValue(name);
        if (value == null) {
            return Set.of();
        }
        if (value instanceof String s) {
            try {
                return Scopes.parse(s);
            } catch (IllegalArgumentException e) {
                throw new MalformedClaimException("scope");
            }
        }
        if (value instanceof List<?> list) {
            Set<String> scopes = new LinkedHashSet<>();
            for (Object o : list) {
                if (!(o instanceof String s) || !Scopes.isScopeToken(s)) {
                    throw new MalformedClaimException("scope");
                }
                scopes.add(s);
            }
            return scopes;
        }
        throw new MalformedClaimException("scope");
    }

    private static boolean audienceMatches(List<String> audiences, String expected) {
        if (audiences == null) {
            return false;
        }
        for (String a : audiences) {
            if (expected.equals(a) || IdentityUris.canonical(a).map(expected::equals).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** A Berth token of this tenant whose signature verifies, whatever its expiry (RFC 7009 revocation). */
    Optional<JwtClaims> inspectBerthToken(String tenant, String token) {
        if (token == null || !ParsedJws.printableAscii(token)) {
            return Optional.empty();
        }
        ParsedJws p = ParsedJws.parse(token);
        if (p.rejected != null || !ParsedJws.ES256.equals(p.alg) || p.kid == null) {
            return Optional.empty();
        }
        try {
            if (!uris.issuer(tenant).equals(p.claims.getIssuer())) {
                return Optional.empty();
            }
        } catch (MalformedClaimException e) {
            return Optional.empty();
        }
        Optional<PublicKey> key = keys.find(p.kid);
        return key.isPresent() && p.signedBy(key.get()) ? Optional.of(p.claims) : Optional.empty();
    }

    private static String hex(VerifiedTokenCache.Digest d) {
        HexFormat h = HexFormat.of();
        return h.toHexDigits(d.a()) + h.toHexDigits(d.b()) + h.toHexDigits(d.c()) + h.toHexDigits(d.d());
    }

    private static TokenRejected refuse(String tenant, Reason reason, String detail) {
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine("Token refused for tenant " + tenant + ": " + reason + " (" + detail + ")");
        }
        return TokenRejected.of(reason);
    }

    private VerifiedTokenCache cache() {
        VerifiedTokenCache c = cache;
        if (c == null) {
            synchronized (this) {
                c = cache;
                if (c == null) {
                    c = new VerifiedTokenCache(config.verifyCacheMaxEntries());
                    VerifiedTokenCache created = c;
                    idps.onChange(created::forgetIdpTokens);
                    cache = c;
                }
            }
        }
        return c;
    }

    private JwksClient jwks() {
        JwksClient j = jwks;
        if (j == null) {
            synchronized (this) {
                j = jwks;
                if (j == null) {
                    j = new JwksClient(config, clock);
                    jwks = j;
                }
            }
        }
        return j;
    }
}
