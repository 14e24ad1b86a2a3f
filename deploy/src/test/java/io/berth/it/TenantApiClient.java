package io.berth.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Calls the tenant API ({@code /api/v1}) of one node with one of the tenant's API keys. */
final class TenantApiClient {

    /** A tenant made for one test, with an API key. */
    record Tenant(String id, String key) {
    }

    private final URI node;
    private final String key;

    TenantApiClient(URI node, String key) {
        this.node = node;
        this.key = key;
    }

    TenantApiClient(URI node, Tenant tenant) {
        this(node, tenant.key());
    }

    /**
     * Creates a tenant with a fresh id, issues it an API key and lets anonymous agents call its MCP endpoint, through
     * node A's operator API.
     */
    static Tenant newTenant(String prefix) {
        BerthNodes.awaitReady();
        String id = OperatorClient.uniqueTenantId(prefix);
        OperatorClient operator = new OperatorClient(BerthNodes.nodeA());
        Http.Response created = operator.create(id, "Plugin IT " + prefix);
        if (created.status() != 201) {
            throw new IllegalStateException("tenant " + id + ": HTTP " + created.status() + " " + created.body());
        }
        Http.Response issued = operator.post(BerthNodes.nodeA().resolve("/admin/api/v1/tenants/" + id + "/api-keys"),
                "{\"name\":\"plugin-it\",\"roles\":[\"tenant-admin\"]}");
        if (issued.status() != 201) {
            throw new IllegalStateException("API key for " + id + ": HTTP " + issued.status() + " " + issued.body());
        }
        // The plugin scenarios call the tenant's tools as an agent without a token (TenantTools); agent identity has
        // scenarios of its own (Agent*IT, ToolScopesIT).
        McpTenants.allowAnonymousAgents(id);
        return new Tenant(id, issued.json().getString("key"));
    }

    URI uri(String path) {
        return node.resolve("/api/v1/" + path);
    }

    /** Uploads {@code jar} as the multipart part {@code jar}, with the part {@code name}. */
    Http.Response upload(String name, byte[] jar) {
        String boundary = "berth-it-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"jar\"; filename=\"" + name
                + ".jar\"\r\nContent-Type: application/java-archive\r\n\r\n");
        body.writeBytes(jar);
        write(body, "\r\n--" + boundary + "--\r\n");
        return Http.send(HttpRequest.newBuilder(uri("plugins"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), auth());
    }

    Http.Response get(String path) {
        return Http.get(uri(path), auth());
    }

    Http.Response post(String path) {
        return Http.send("POST", uri(path), null, null, auth());
    }

    Http.Response put(String path, String json, String... extraHeaders) {
        String[] headers = java.util.Arrays.copyOf(auth(), 2 + extraHeaders.length);
        System.arraycopy(extraHeaders, 0, headers, 2, extraHeaders.length);
        return Http.send("PUT", uri(path), OperatorClient.JSON, json, headers);
    }

    Http.Response delete(String path) {
        return Http.send("DELETE", uri(path), null, null, auth());
    }

    Http.Response approve(String plugin, int version) {
        return post("plugins/" + plugin + "/versions/" + version + "/approve");
    }

    Http.Response activate(String plugin, int version) {
        return post("plugins/" + plugin + "/versions/" + version + "/activate");
    }

    Http.Response switchTool(String tool, boolean enabled) {
        return Http.send("PATCH", uri("tools/" + tool), OperatorClient.MERGE_PATCH, "{\"enabled\":" + enabled + "}",
                auth());
    }

    private String[] auth() {
        return new String[] {"Authorization", "Bearer " + key};
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
