package io.berth.it;

import java.net.URI;

/**
 * What {@code /t/{tenant}/mcp} on one node tells a caller about the tenant. A stranger learns nothing (every valid
 * tenant id gets the challenge of a served tenant); only a caller with a credential of the tenant, such as an agent
 * token minted before a suspension or deletion, learns that it is suspended or gone.
 */
final class TenantGate {

    private TenantGate() {
    }

    /** An anonymous call. */
    static Http.Response call(URI node, String tenant) {
        return Http.send("POST", node.resolve("/t/" + tenant + "/mcp"), "application/json", "{}");
    }

    /** A call with an agent token. */
    static Http.Response call(URI node, String tenant, String token) {
        return Http.send("POST", node.resolve("/t/" + tenant + "/mcp"), "application/json", "{}",
                Agents.bearer(token));
    }

    /**
     * The refusal type a holder of {@code token} (an agent token of the tenant) gets, or "passed" when the request
     * went on to the MCP transport.
     */
    static String verdict(URI node, String tenant, String token) {
        Http.Response r = call(node, tenant, token);
        if (r.contentType().startsWith("application/problem+json")) {
            String type = r.json().getString("type");
            if (type.equals("urn:berth:problem:tenant-suspended") || type.equals("urn:berth:problem:tenant-not-found")) {
                return type.substring("urn:berth:problem:".length());
            }
        }
        if (r.status() == 401) {
            throw new AssertionError("the token was refused: " + r.header("WWW-Authenticate").orElse(""));
        }
        return "passed";
    }
}
