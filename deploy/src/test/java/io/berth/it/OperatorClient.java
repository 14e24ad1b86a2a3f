package io.berth.it;

import java.net.URI;
import java.util.UUID;

/** Calls the operator API of one node with the operator token. */
final class OperatorClient {

    static final String JSON = "application/json";
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final URI node;
    private final String token;

    OperatorClient(URI node) {
        this(node, BerthNodes.operatorToken());
    }

    OperatorClient(URI node, String token) {
        this.node = node;
        this.token = token;
    }

    URI tenants() {
        return node.resolve("/admin/api/v1/tenants");
    }

    URI tenant(String id) {
        return node.resolve("/admin/api/v1/tenants/" + id);
    }

    Http.Response create(String id, String displayName) {
        return post(tenants(), "{\"id\":\"" + id + "\",\"displayName\":\"" + displayName + "\"}");
    }

    Http.Response post(URI uri, String body) {
        return Http.send("POST", uri, JSON, body, auth());
    }

    Http.Response put(URI uri, String body, String... extraHeaders) {
        return Http.send("PUT", uri, JSON, body, concat(auth(), extraHeaders));
    }

    Http.Response get(URI uri) {
        return Http.get(uri, auth());
    }

    Http.Response patch(String id, String body, String... extraHeaders) {
        String[] headers = concat(auth(), extraHeaders);
        return Http.send("PATCH", tenant(id), MERGE_PATCH, body, headers);
    }

    Http.Response suspend(String id) {
        return patch(id, "{\"status\":\"suspended\"}");
    }

    Http.Response activate(String id) {
        return patch(id, "{\"status\":\"active\"}");
    }

    Http.Response delete(String id) {
        return Http.send("DELETE", tenant(id), null, null, auth());
    }

    String[] auth() {
        return new String[] {"Authorization", "Bearer " + token};
    }

    /** A tenant id no other test (or earlier run on the same database) uses. */
    static String uniqueTenantId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
