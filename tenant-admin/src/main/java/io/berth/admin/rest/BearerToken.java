package io.berth.admin.rest;

/** Extracts the token of an {@code Authorization: Bearer <token>} header (RFC 6750: the scheme is case-insensitive). */
public final class BearerToken {

    private static final String SCHEME = "bearer ";

    private BearerToken() {
    }

    /** The token, or {@code null} when the header is absent or not a bearer credential. */
    public static String from(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String token = authorization.substring(SCHEME.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
