package io.berth.core.identity;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How a client authenticated at the token or revocation endpoint: {@code client_id} = the API key id,
 * {@code client_secret} = the whole API key, sent by HTTP Basic or in the form body (RFC 6749 §2.3.1).
 *
 * @param basic whether they came in an {@code Authorization: Basic} header (the error answer then carries a
 *              {@code WWW-Authenticate: Basic} challenge)
 */
public record ClientCredentials(String clientId, String clientSecret, boolean basic) {

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", clientSecret=<redacted>, basic=" + basic + "]";
    }

    /**
     * The credentials of a request, from its {@code Authorization} header and its {@code client_id} /
     * {@code client_secret} form fields. Using both methods, or a Basic header that does not decode, is
     * {@code invalid_request}; none at all is {@code invalid_client}.
     */
    public static ClientCredentials of(String authorization, String formClientId, String formClientSecret)
            throws OAuthException {
        boolean hasBasic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        boolean hasForm = formClientSecret != null;
        if (hasBasic && hasForm) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "Use one client authentication method, not two.");
        }
        if (hasBasic) {
            return fromBasic(authorization.substring(6).strip());
        }
        if (hasForm && formClientId != null) {
            return new ClientCredentials(formClientId, formClientSecret, false);
        }
        throw new OAuthException(OAuthError.INVALID_CLIENT, "Client authentication is required.");
    }

    /** RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined with a colon and base64-encoded. */
    private static ClientCredentials fromBasic(String encoded) throws OAuthException {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The Basic credentials do not decode.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The Basic credentials do not decode.");
        }
        try {
            return new ClientCredentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8), true);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The Basic credentials do not decode.");
        }
    }
}
