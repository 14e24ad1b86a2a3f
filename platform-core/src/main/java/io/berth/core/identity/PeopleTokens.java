package io.berth.core.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies people's tokens (operators, tenant admins, developers, approvers, auditors) on the REST APIs against the
 * organisation's identity provider ({@code berth.people.*}): ES256/RS256 only, the provider's JWKS (same fetcher and
 * SSRF guard as tenants' IdPs), exact issuer, audience, {@code exp}/{@code nbf}/{@code iat} with the clock skew and a
 * subject. Berth checks these itself instead of Liberty's MicroProfile JWT authentication, which writes refused tokens
 * (and, when the JWKS cannot be fetched, valid ones) into its logs (docs/adr/0006-identity.md). A refusal names its
 * reason in a FINE log line, never the token.
 */
@ApplicationScoped
public class PeopleTokens {

    private static final Logger LOG = Logger.getLogger(PeopleTokens.class.getName());

    @Inject
    IdentityConfig config;

    Clock clock = Clock.systemUTC();

    private volatile JwksClient jwks;

    /** The person behind {@code token}; empty for anything that is not a valid token of the people's provider. */
    public Optional<VerifiedPerson> verify(String token) {
        Optional<PeopleIssuer> configured = config.peopleIssuer();
        if (configured.isEmpty() || token == null || !ParsedJws.printableAscii(token)) {
            return Optional.empty();
        }
        PeopleIssuer idp = configured.get();
        ParsedJws p = ParsedJws.parse(token);
        if (p.rejected != null) {
            return refuse(p.detail);
        }
        try {
            if (!idp.issuer().equals(p.claims.getIssuer())) {
                return refuse("not the people's issuer");
            }
            Optional<PublicKey> key = jwks().key(idp.jwksUrl(), p.kid, p.alg);
            if (key.isEmpty()) {
                return refuse("no key for this kid and alg");
            }
            if (!p.signedBy(key.get())) {
                return refuse("signature does not verify");
            }
            return checkClaims(idp, p.claims);
        } catch (JwksClient.Unavailable e) {
            return refuse(e.getMessage());
        } catch (MalformedClaimException e) {
            return refuse("a claim has the wrong type");
        }
    }

    private Optional<VerifiedPerson> checkClaims(PeopleIssuer idp, JwtClaims claims) throws MalformedClaimException {
        long now = Math.floorDiv(clock.millis(), 1000L);
        long skew = config.clockSkewSeconds();
        NumericDate exp = claims.getExpirationTime();
        NumericDate nbf = claims.getNotBefore();
        NumericDate iat = claims.getIssuedAt();
        if (exp == null || now >= exp.getValue() + skew) {
            return refuse("no exp, or expired");
        }
        if ((nbf != null && nbf.getValue() > now + skew) || (iat != null && iat.getValue() > now + skew)) {
            return refuse("nbf or iat in the future");
        }
        List<String> audiences = claims.getAudience();
        if (audiences == null || !audiences.contains(idp.audience())) {
            return refuse("aud is not Berth's");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isEmpty()) {
            return refuse("no sub");
        }
        Map<String, Object> all = new HashMap<>();
        claims.getClaimsMap().forEach((name, value) -> {
            if (value != null) {
                all.put(name, value);
            }
        });
        return Optional.of(new VerifiedPerson(claims.getIssuer(), subject, groups(claims, idp.groupsClaim()),
                Instant.ofEpochSecond(exp.getValue()), all));
    }

    /** The groups claim: an array of strings or a space-separated string; absent means none. */
    private static Set<String> groups(JwtClaims claims, String name) throws MalformedClaimException {
        Object value = claims.getClaimValue(name);
        Set<String> groups = new LinkedHashSet<>();
        if (value instanceof String s) {
            for (String g : s.split(" ")) {
                if (!g.isEmpty()) {
                    groups.add(g);
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw new MalformedClaimException(name);
                }
                groups.add(s);
            }
        } else if (value != null) {
            throw new MalformedClaimException(name);
        }
        return groups;
    }

    private static Optional<VerifiedPerson> refuse(String why) {
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine("Person's token refused: " + why);
        }
        return Optional.empty();
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
