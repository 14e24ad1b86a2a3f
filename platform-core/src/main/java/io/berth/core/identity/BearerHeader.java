package io.berth.core.identity;

import java.util.Iterator;

/**
 * Reads the bearer token from {@code Authorization} headers (RFC 6750 §2.1), the only place Berth accepts one: never a
 * query parameter or a form field. Several Authorization headers, or a Bearer credential that is not one
 * {@code b64token}, are an {@code invalid_request}; another scheme (Basic, ...) counts as no token.
 */
public final class BearerHeader {

    /** Far above any token Berth or a sane IdP issues; longer values are refused before any parsing. */
    static final int MAX_TOKEN_CHARS = 16 * 1024;

    /** What the headers hold: a token, nothing, or something malformed. */
    public sealed interface Result {
    }

    public record Token(String value) implements Result {
        @Override
        public String toString() {
            return "Token[<redacted>]";
        }
    }

    public record Refused(TokenRejected rejected) implements Result {
    }

    private static final Refused ABSENT = new Refused(TokenRejected.of(TokenRejected.Reason.MISSING));
    private static final Refused MALFORMED = new Refused(TokenRejected.of(TokenRejected.Reason.INVALID_REQUEST));

    private BearerHeader() {
    }

    /** From every {@code Authorization} header of the request ({@code HttpServletRequest.getHeaders}). */
    public static Result read(Iterator<String> authorizationHeaders) {
        if (authorizationHeaders == null || !authorizationHeaders.hasNext()) {
            return ABSENT;
        }
        String first = authorizationHeaders.next();
        return authorizationHeaders.hasNext() ? MALFORMED : read(first);
    }

    /** From the one {@code Authorization} header value (null when absent). */
    public static Result read(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return ABSENT;
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        if (!scheme.equalsIgnoreCase("Bearer")) {
            return ABSENT;
        }
        int start = space;
        while (start >= 0 && start < authorization.length() && authorization.charAt(start) == ' ') {
            start++;
        }
        if (start < 0 || start >= authorization.length()) {
            return MALFORMED;
        }
        String token = authorization.substring(start);
        return isB64Token(token) ? new Token(token) : MALFORMED;
    }

    /** RFC 6750 §2.1: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    static boolean isB64Token(String s) {
        int n = s.length();
        if (n == 0 || n > MAX_TOKEN_CHARS) {
            return false;
        }
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '+' || c == '/') {
                i++;
            } else {
                break;
            }
        }
        if (i == 0) {
            return false;
        }
        while (i < n && s.charAt(i) == '=') {
            i++;
        }
        return i == n;
    }
}
