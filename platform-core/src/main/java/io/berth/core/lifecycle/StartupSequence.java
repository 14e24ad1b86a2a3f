package io.berth.core.lifecycle;

import io.berth.core.bootstrap.FirstStart;
import io.berth.core.cluster.ClusterMember;
import io.berth.core.identity.IdentityStartup;
import io.berth.core.mcp.ClientReplies;
import io.berth.core.mcp.SessionStreams;
import io.berth.core.mcp.TaskStore;
import io.berth.core.operator.OperatorCredentials;
import io.berth.core.plugin.CatalogChanges;
import io.berth.core.plugin.PluginRuntime;
import io.berth.core.security.SealingKeys;
import io.berth.core.storage.SchemaMigrator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/** Brings a node up in dependency order when the application starts. */
@ApplicationScoped
public class StartupSequence {

    private static final Logger LOG = Logger.getLogger(StartupSequence.class.getName());

    @Inject
    OperatorCredentials operators;

    @Inject
    SchemaMigrator migrator;

    @Inject
    ClusterMember cluster;

    @Inject
    FirstStart firstStart;

    @Inject
    PluginRuntime plugins;

    @Inject
    SealingKeys sealingKeys;

    @Inject
    ClientReplies clientReplies;

    @Inject
    CatalogChanges catalogChanges;

    @Inject
    TaskStore taskStore;

    @Inject
    SessionStreams sessionStreams;

    @Inject
    IdentityStartup identity;

    private volatile boolean completed;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        long started = System.nanoTime();
        operators.checkConfiguration();
        migrator.migrate();
        sealingKeys.load();
        cluster.start();
        // Token signing keys are sealed (sealing keys first); revocations are mirrored from the cluster (member first).
        identity.start();
        clientReplies.listen();
        catalogChanges.listen();
        taskStore.listen();
        sessionStreams.listen();
        firstStart.run();
        operators.warnIfLockedOut();
        plugins.start();
        completed = true;
        LOG.info(() -> "Berth node started in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    public boolean completed() {
        return completed;
    }
}
