package io.berth.it;

/**
 * The tenants whose plugin directories hold the conformance fixture plugin (see the deploy pom). The official
 * conformance suite and most MCP scenarios send no token, so {@link #fixture()} and {@link #peer()} serve anonymous
 * agents; {@link #secured()} keeps the default and serves agents with a token only.
 */
final class McpTenants {

    static final String FIXTURE = "conformance";
    /** A second tenant with the same fixture: what is bound to one tenant must not work at the other. */
    static final String PEER = "conformance-peer";
    /** A third tenant with the same fixture, which (the default) serves no agent without a token. */
    static final String SECURED = "conformance-secured";

    private static volatile boolean created;
    private static volatile boolean peerCreated;
    private static volatile boolean securedCreated;

    private McpTenants() {
    }

    /** Creates the fixture tenant once per run (a 409 from an earlier test is fine), open to anonymous agents. */
    static synchronized String fixture() {
        if (!created) {
            create(FIXTURE, "Conformance fixture");
            allowAnonymousAgents(FIXTURE);
            created = true;
        }
        return FIXTURE;
    }

    /** Creates the peer tenant once per run, open to anonymous agents. */
    static synchronized String peer() {
        if (!peerCreated) {
            create(PEER, "Conformance fixture, second tenant");
            allowAnonymousAgents(PEER);
            peerCreated = true;
        }
        return PEER;
    }

    /** Creates the secured tenant once per run: agents need a token there. */
    static synchronized String secured() {
        if (!securedCreated) {
            create(SECURED, "Conformance fixture, tokens only");
            securedCreated = true;
        }
        return SECURED;
    }

    /** Lets agents without a token call the tenant's MCP endpoint (the operator's agent access policy). */
    static void allowAnonymousAgents(String id) {
        Http.Response r = new OperatorClient(BerthNodes.nodeA()).put(
                BerthNodes.nodeA().resolve("/admin/api/v1/tenants/" + id + "/agent-access"), "{\"anonymous\":true}");
        if (r.status() != 200) {
            throw new IllegalStateException("Could not open " + id + " to anonymous agents: HTTP " + r.status()
                    + " " + r.body());
        }
    }

    private static void create(String id, String displayName) {
        BerthNodes.awaitReady();
        int status = new OperatorClient(BerthNodes.nodeA()).create(id, displayName).status();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Could not create the tenant " + id + ": HTTP " + status);
        }
    }
}
