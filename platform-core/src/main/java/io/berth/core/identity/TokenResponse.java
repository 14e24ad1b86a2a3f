package io.berth.core.identity;

import io.berth.core.json.JsonFactories;

import jakarta.json.JsonObject;

/**
 * A successful token response (RFC 6749 §5.1), sent as {@code application/json} with {@code Cache-Control: no-store}.
 * An empty scope (a key without scopes) is left out of the JSON.
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String scope) {

    public JsonObject json() {
        var b = JsonFactories.BUILDERS.createObjectBuilder()
                .add("access_token", accessToken)
                .add("token_type", tokenType)
                .add("expires_in", expiresIn);
        if (scope != null && !scope.isEmpty()) {
            b.add("scope", scope);
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "TokenResponse[accessToken=<redacted>, tokenType=" + tokenType + ", expiresIn=" + expiresIn
                + ", scope=" + scope + "]";
    }
}
