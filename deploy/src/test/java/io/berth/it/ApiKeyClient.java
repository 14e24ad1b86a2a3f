package io.berth.it;

import java.net.URI;

/**
 * The API key endpoints of one of the two REST APIs: the operator's for a tenant
 * ({@code /admin/api/v1/tenants/{id}/api-keys}, operator token) or the tenant's own ({@code /api/v1/api-keys}, one of
 * its tenant-admin keys). Both answer alike; the scenarios run against either.
 */
final class ApiKeyClient {

    private final URI collection;
    private final String[] auth;

    private ApiKeyClient(URI collection, String credential) {
        this.collection = collection;
        this.auth = new String[] {"Authorization", "Bearer " + credential};
    }

    static ApiKeyClient operator(URI node, String tenant) {
        return new ApiKeyClient(node.resolve("/admin/api/v1/tenants/" + tenant + "/api-keys"),
                BerthNodes.operatorToken());
    }

    static ApiKeyClient tenant(URI node, String tenantAdminKey) {
        return new ApiKeyClient(node.resolve("/api/v1/api-keys"), tenantAdminKey);
    }

    /** Issues a key; the answer holds it once ({@code key}), noted so that the log check looks for it. */
    Http.Response issue(String json) {
        Http.Response r = Http.send("POST", collection, OperatorClient.JSON, json, auth);
        if (r.status() == 201) {
            UsedCredentials.note(r.json().getString("key"));
        }
        return r;
    }

    /** Issues a key and returns it as an agent credential, failing the test unless it was issued. */
    Agents.ApiKey issued(String tenant, String json) {
        Http.Response r = issue(json);
        if (r.status() != 201) {
            throw new AssertionError("API key not issued: HTTP " + r.status() + " " + r.body());
        }
        return new Agents.ApiKey(tenant, r.json().getString("id"), r.json().getString("key"));
    }

    Http.Response list() {
        return Http.get(collection, auth);
    }

    Http.Response get(String keyId) {
        return Http.get(one(keyId), auth);
    }

    Http.Response revoke(String keyId) {
        return Http.send("DELETE", one(keyId), null, null, auth);
    }

    /** Rotates with {@code json} as the body (null: no body at all). */
    Http.Response rotate(String keyId, String json) {
        Http.Response r = Http.send("POST", URI.create(one(keyId) + "/rotate"),
                json == null ? null : OperatorClient.JSON, json, auth);
        if (r.status() == 201) {
            UsedCredentials.note(r.json().getString("key"));
        }
        return r;
    }

    private URI one(String keyId) {
        return URI.create(collection + "/" + keyId);
    }
}
