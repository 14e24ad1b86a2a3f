package io.berth.core.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Brings the identity feature up on a node, in order. {@code StartupSequence} calls {@link #start()} once, after the
 * schema is migrated, the sealing keys are loaded and the cluster member has started.
 */
@ApplicationScoped
public class IdentityStartup {

    @Inject
    TokenKeys keys;

    @Inject
    Revocations revocations;

    @Inject
    TenantIdps idps;

    @Inject
    IdentityConfig config;

    public void start() {
        config.peopleIssuer(); // a half-configured people IdP fails the start, not every REST call
        keys.load();
        revocations.start();
        idps.listen();
    }
}
