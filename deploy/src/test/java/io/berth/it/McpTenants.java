package io.berth.it;

/** The tenants whose plugin directories hold the conformance fixture plugin (see the deploy pom). */
final class McpTenants {

    static final String FIXTURE = "conformance";
    /** A second tenant with the same fixture: what is bound to one tenant must not work at the other. */
    static final String PEER = "conformance-peer";

    private static volatile boolean created;
    private static volatile boolean peerCreated;

    private McpTenants() {
    }

    /** Creates the fixture tenant once per run (a 409 from an earlier test is fine). */
    static synchronized String fixture() {
        if (!created) {
            create(FIXTURE, "Conformance fixture");
            created = true;
        }
        return FIXTURE;
    }

    /** Creates the peer tenant once per run. */
    static synchronized String peer() {
        if (!peerCreated) {
            create(PEER, "Conformance fixture, second tenant");
            peerCreated = true;
        }
        return PEER;
    }

    private static void create(String id, String displayName) {
        BerthNodes.awaitReady();
        int status = new OperatorClient(BerthNodes.nodeA()).create(id, displayName).status();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Could not create the tenant " + id + ": HTTP " + status);
        }
    }
}
