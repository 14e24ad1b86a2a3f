package io.berth.it;

import java.net.URI;

/** What the tenant gate of one node says about {@code /t/{tenant}/mcp}. */
final class TenantGate {

    private TenantGate() {
    }

    static Http.Response call(URI node, String tenant) {
        return Http.send("POST", node.resolve("/t/" + tenant + "/mcp"), "application/json", "{}");
    }

    /** The gate's refusal type, or "passed" when the request went on past the gate. */
    static String verdict(URI node, String tenant) {
        Http.Response r = call(node, tenant);
        if (r.contentType().startsWith("application/problem+json")) {
            String type = r.json().getString("type");
            if (type.equals("urn:berth:problem:tenant-suspended") || type.equals("urn:berth:problem:tenant-not-found")) {
                return type.substring("urn:berth:problem:".length());
            }
        }
        return "passed";
    }
}
