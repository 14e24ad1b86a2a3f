package io.berth.core.oauth;

import io.berth.core.identity.OAuthError;
import io.berth.core.identity.OAuthException;

import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** How the OAuth and metadata endpoints answer: JSON, with the cache rules each kind of answer needs. */
final class OAuthResponses {

    /** Tokens and errors of the token and revocation endpoints (RFC 6749 §5.1). */
    static final String NO_STORE = "no-store";
    /** Public documents (JWKS, metadata): short-lived, so key rotation and newly declared scopes show soon. */
    static final String PUBLIC = "public, max-age=300";

    private OAuthResponses() {
    }

    static void json(HttpServletResponse resp, int status, JsonObject body, String cacheControl) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setHeader("Cache-Control", cacheControl);
        if (cacheControl.equals(NO_STORE)) {
            resp.setHeader("Pragma", "no-cache");
        } else if (!resp.containsHeader("Vary")) {
            // Cacheable, and its CORS headers depend on the Origin (the tenant's allow-list): caches must key on it.
            resp.setHeader("Vary", "Origin");
        }
        resp.setContentType("application/json");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    static void empty(HttpServletResponse resp, int status) {
        resp.setStatus(status);
        resp.setHeader("Cache-Control", NO_STORE);
        resp.setHeader("Pragma", "no-cache");
        resp.setContentLength(0);
    }

    /**
     * An RFC 6749 §5.2 error. An {@code invalid_client} of a client that tried HTTP Basic gets the Basic challenge
     * (§5.2: "MUST ... include the WWW-Authenticate response header field matching the authentication scheme").
     */
    static void error(HttpServletResponse resp, int status, OAuthException e, boolean basic) throws IOException {
        if (e.error() == OAuthError.INVALID_CLIENT && basic) {
            resp.setHeader("WWW-Authenticate", "Basic realm=\"berth\", charset=\"UTF-8\"");
        }
        json(resp, status, e.json(), NO_STORE);
    }
}
