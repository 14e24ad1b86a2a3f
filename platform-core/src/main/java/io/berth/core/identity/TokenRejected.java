package io.berth.core.identity;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A refused bearer token. The {@link Reason} is for Berth (logs, metrics, tests); the caller sees only the HTTP status,
 * the RFC 6750 error code and one generic description, so a refusal never tells an attacker which check failed.
 */
public record TokenRejected(Reason reason) implements Verification {

    /** Why a token was refused, with the HTTP status and RFC 6750 error code the caller gets. */
    public enum Reason {
        /** No bearer token: 401 without an error code (RFC 6750 §3.1). */
        MISSING(401, null),
        /** The Authorization header is not a single well-formed bearer credential: 400. */
        INVALID_REQUEST(400, "invalid_request"),
        /** Not a compact JWS, bad base64url or JSON, wrong claim types. */
        MALFORMED(401, "invalid_token"),
        /** {@code none}, any HMAC, or an algorithm the issuer does not use. */
        UNSUPPORTED_ALGORITHM(401, "invalid_token"),
        /** No verification key with the token's {@code kid}. */
        UNKNOWN_KEY(401, "invalid_token"),
        BAD_SIGNATURE(401, "invalid_token"),
        /** A Berth token without {@code typ: at+jwt} (RFC 9068). */
        WRONG_TYPE(401, "invalid_token"),
        /** Neither Berth's issuer for this tenant nor an issuer the tenant trusts. */
        WRONG_ISSUER(401, "invalid_token"),
        /** The audience is not this tenant's canonical MCP URI (RFC 8707). */
        WRONG_AUDIENCE(401, "invalid_token"),
        EXPIRED(401, "invalid_token"),
        /** {@code nbf} or {@code iat} in the future beyond the allowed clock skew. */
        NOT_YET_VALID(401, "invalid_token"),
        /** A required claim is absent: {@code exp}, {@code sub}, and for Berth tokens {@code jti}, {@code iat}, ... */
        MISSING_CLAIM(401, "invalid_token"),
        /** The token's {@code jti} was revoked. */
        REVOKED(401, "invalid_token"),
        /** The API key the token was issued to was revoked. */
        CLIENT_REVOKED(401, "invalid_token"),
        /** The tenant's IdP keys cannot be fetched right now: 503, the token may be fine. */
        ISSUER_UNAVAILABLE(503, null);

        private final int status;
        private final String error;

        Reason(int status, String error) {
            this.status = status;
            this.error = error;
        }

        /** The HTTP status to answer with. */
        public int status() {
            return status;
        }

        /** The RFC 6750 {@code error} attribute, or null when the challenge carries none. */
        public String error() {
            return error;
        }
    }

    private static final Map<Reason, TokenRejected> INSTANCES = new EnumMap<>(Reason.class);

    static {
        for (Reason r : Reason.values()) {
            INSTANCES.put(r, new TokenRejected(r));
        }
    }

    public TokenRejected {
        Objects.requireNonNull(reason, "reason");
    }

    /** The shared instance for a reason (refusals allocate nothing). */
    public static TokenRejected of(Reason reason) {
        return INSTANCES.get(reason);
    }

    /** What the caller may be told: the same text for every invalid token. */
    public String description() {
        return switch (reason) {
            case MISSING -> "An access token is required.";
            case INVALID_REQUEST -> "The Authorization header must carry exactly one Bearer token.";
            case ISSUER_UNAVAILABLE -> "The token cannot be checked right now; retry shortly.";
            default -> "The access token is invalid, expired or revoked.";
        };
    }
}
