package io.berth.core.plugin;

import io.berth.core.cluster.ClusterMember;

import com.hazelcast.topic.ITopic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Spreads catalog changes through the cluster: a change announced on any node reaches every node, which first
 * re-reads the tenant's plugin declarations (for list changes) and then fires a {@link CatalogChange} CDI event for
 * whatever holds client streams there.
 */
@ApplicationScoped
public class CatalogChanges {

    static final String TOPIC = "berth.catalog-changes";
    private static final Logger LOG = Logger.getLogger(CatalogChanges.class.getName());

    @Inject
    ClusterMember cluster;

    @Inject
    PluginRuntime plugins;

    @Inject
    Event<CatalogChange> events;

    private final java.util.concurrent.ExecutorService applying = java.util.concurrent.Executors.newFixedThreadPool(2,
            r -> {
                Thread t = new Thread(r, "berth-catalog-changes");
                t.setDaemon(true);
                return t;
            });

    @jakarta.annotation.PreDestroy
    void stop() {
        applying.shutdownNow();
    }

    /** Subscribes this node; called once at start-up, after the cluster member has started. */
    public void listen() {
        // Applied off Hazelcast's event thread: reloading runs plugin code, which must not hold up the cluster's events.
        topic().addMessageListener(m -> {
            CatalogChange change = CatalogChange.fromWire(m.getMessageObject());
            applying.execute(() -> receive(change));
        });
    }

    public void announce(CatalogChange change) {
        topic().publish(change.wire());
    }

    private void receive(CatalogChange change) {
        try {
            if (change.kind() == CatalogChange.Kind.PLUGINS) {
                // A deploy, rollback, undeploy or tool switch: load what changed, then every list may have changed.
                plugins.refresh(change.tenantId());
                for (CatalogChange.Kind kind : CatalogChange.Kind.LISTS) {
                    events.fire(new CatalogChange(change.tenantId(), kind, null));
                }
                return;
            }
            if (change.kind() != CatalogChange.Kind.RESOURCE_UPDATED) {
                plugins.redeclare(change.tenantId());
            }
            events.fire(change);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Catalog change " + change.kind() + " of tenant " + change.tenantId()
                    + " could not be applied", e);
        }
    }

    private ITopic<String> topic() {
        return cluster.hazelcast().getTopic(TOPIC);
    }
}
