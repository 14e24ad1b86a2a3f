package io.berth.core.identity;

import io.berth.core.identity.TokenRejected.Reason;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.JoseException;

import java.security.PublicKey;

/**
 * A bearer token taken apart as a compact JWS, its payload not yet trusted; or why it cannot be. Only ES256 and RS256
 * get this far: {@code none}, HMAC and everything else are refused before any key is looked at.
 */
final class ParsedJws {

    static final String ES256 = "ES256";
    static final String RS256 = "RS256";
    private static final AlgorithmConstraints ONLY_ES256 =
            new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, ES256);
    private static final AlgorithmConstraints ONLY_RS256 =
            new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, RS256);

    JsonWebSignature jws;
    String alg;
    String kid;
    JwtClaims claims;
    Reason rejected;
    String detail;

    private ParsedJws() {
    }

    static ParsedJws parse(String token) {
        ParsedJws p = new ParsedJws();
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || token.indexOf('.', second + 1) >= 0 || second == first + 1) {
            return p.reject(Reason.MALFORMED, "not three dot-separated parts");
        }
        try {
            p.jws = new JsonWebSignature();
            p.jws.setCompactSerialization(token);
            p.alg = p.jws.getAlgorithmHeaderValue();
            p.kid = p.jws.getKeyIdHeaderValue();
        } catch (JoseException | RuntimeException e) {
            return p.reject(Reason.MALFORMED, "header does not parse");
        }
        if (p.alg == null) {
            return p.reject(Reason.MALFORMED, "no alg");
        }
        if (!ES256.equals(p.alg) && !RS256.equals(p.alg)) {
            return p.reject(Reason.UNSUPPORTED_ALGORITHM, "alg not allowed");
        }
        if (second == token.length() - 1) {
            return p.reject(Reason.MALFORMED, "no signature");
        }
        // Nested or unencoded-payload JWS are not access tokens.
        if (p.jws.getHeaders().getObjectHeaderValue("b64") != null || "JWT".equalsIgnoreCase(p.jws.getHeader("cty"))) {
            return p.reject(Reason.MALFORMED, "b64 or nested JWT");
        }
        try {
            p.claims = JwtClaims.parse(p.jws.getUnverifiedPayload());
        } catch (InvalidJwtException | RuntimeException e) {
            return p.reject(Reason.MALFORMED, "payload is not a JSON object");
        }
        return p;
    }

    String header(String name) {
        return jws.getHeader(name);
    }

    /** Verifies the signature with {@code key}, allowing only the token's (already allow-listed) algorithm. */
    boolean signedBy(PublicKey key) {
        try {
            jws.setAlgorithmConstraints(ES256.equals(alg) ? ONLY_ES256 : ONLY_RS256);
            jws.setKey(key);
            return jws.verifySignature();
        } catch (JoseException | RuntimeException e) {
            return false;
        }
    }

    /** Printable ASCII without spaces, at most {@link BearerHeader#MAX_TOKEN_CHARS}: checked before hashing. */
    static boolean printableAscii(String token) {
        int n = token.length();
        if (n > BearerHeader.MAX_TOKEN_CHARS) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = token.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    private ParsedJws reject(Reason reason, String why) {
        rejected = reason;
        detail = why;
        return this;
    }
}
