package io.berth.it;

/** The tenant whose plugin directory holds the conformance fixture plugin (see the deploy pom). */
final class McpTenants {

    static final String FIXTURE = "conformance";

    private static volatile boolean created;

    private McpTenants() {
    }

    /** Creates the fixture tenant once per run (a 409 from an earlier test is fine). */
    static synchronized String fixture() {
        if (!created) {
            BerthNodes.awaitReady();
            int status = new OperatorClient(BerthNodes.nodeA()).create(FIXTURE, "Conformance fixture").status();
            if (status != 201 && status != 409) {
                throw new IllegalStateException("Could not create the fixture tenant: HTTP " + status);
            }
            created = true;
        }
        return FIXTURE;
    }
}
