package io.berth.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Agent credentials for the ITs, the way a real agent gets them: an API key the operator issues for a tenant, and
 * access tokens from the tenant's token endpoint (client credentials). Every key and token is noted in
 * {@link UsedCredentials}, whose log check proves none of them reaches a server log.
 */
final class Agents {

    /** An API key: its public id (the OAuth client id) and the whole key (the client secret). */
    record ApiKey(String tenant, String id, String secret) {
        @Override
        public String toString() {
            return "ApiKey[" + tenant + "/" + id + "]";
        }
    }

    private Agents() {
    }

    /** A new API key of {@code tenant} granting {@code scopes}. */
    static ApiKey apiKey(String tenant, String... scopes) {
        JsonArrayBuilder granted = Json.createArrayBuilder();
        for (String s : scopes) {
            granted.add(s);
        }
        Http.Response r = new OperatorClient(BerthNodes.nodeA()).post(BerthNodes.nodeA().resolve("/admin/api/v1/tenants/"
                + tenant + "/api-keys"), Json.createObjectBuilder().add("name", "it agent").add("scopes", granted)
                .build().toString());
        if (r.status() != 201) {
            throw new AssertionError("API key not issued: HTTP " + r.status() + " " + r.body());
        }
        ApiKey key = new ApiKey(tenant, r.json().getString("id"), r.json().getString("key"));
        UsedCredentials.note(key.secret());
        return key;
    }

    /** An access token for {@code key} from its tenant's token endpoint on {@code node} (every scope of the key). */
    static String token(URI node, ApiKey key) {
        return token(node, key, null);
    }

    /** An access token for {@code scope} (null: every scope of the key). */
    static String token(URI node, ApiKey key, String scope) {
        Http.Response r = tokenRequest(node, key.tenant(), "grant_type=client_credentials"
                + (scope == null ? "" : "&scope=" + form(scope)), basic(key));
        if (r.status() != 200) {
            throw new AssertionError("no token: HTTP " + r.status() + " " + r.body());
        }
        String token = r.json().getString("access_token");
        UsedCredentials.note(token);
        return token;
    }

    static String token(ApiKey key) {
        return token(BerthNodes.nodeA(), key);
    }

    static Http.Response tokenRequest(URI node, String tenant, String form, String... headers) {
        return Http.send("POST", node.resolve("/t/" + tenant + "/oauth/token"), "application/x-www-form-urlencoded",
                form, headers);
    }

    /** RFC 7009 revocation of {@code token} by the client it was issued to. */
    static Http.Response revoke(URI node, ApiKey key, String token) {
        return Http.send("POST", node.resolve("/t/" + key.tenant() + "/oauth/revoke"),
                "application/x-www-form-urlencoded", "token=" + form(token), basic(key));
    }

    /** {@code Authorization: Basic} for the key (RFC 6749 §2.3.1: both halves form-encoded first). */
    static String[] basic(ApiKey key) {
        String pair = form(key.id()) + ":" + form(key.secret());
        return new String[] {"Authorization",
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))};
    }

    static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
