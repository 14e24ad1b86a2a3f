package io.berth.core.identity;

/** The error codes of the token and revocation endpoints (RFC 6749 §5.2, RFC 8707 §2, RFC 7009 §2.2.1). */
public enum OAuthError {
    INVALID_REQUEST("invalid_request", 400),
    /** 401; when the client used HTTP Basic the answer carries {@code WWW-Authenticate: Basic}. */
    INVALID_CLIENT("invalid_client", 401),
    INVALID_GRANT("invalid_grant", 400),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    INVALID_SCOPE("invalid_scope", 400),
    /** RFC 8707: the {@code resource} is not this tenant's MCP endpoint. */
    INVALID_TARGET("invalid_target", 400),
    /** The endpoint cannot serve right now (database or cluster unreachable): 503. */
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable", 503);

    private final String code;
    private final int status;

    OAuthError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
