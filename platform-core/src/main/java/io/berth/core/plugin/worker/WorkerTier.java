package io.berth.core.plugin.worker;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The node's {@link WorkerPool}, made from {@link WorkerConfig} at first use (a node without worker plugins never
 * needs the sandbox) and closed, with every worker, when the application stops.
 */
@ApplicationScoped
public class WorkerTier {

    @Inject
    WorkerConfig config;

    private WorkerPool pool;

    public synchronized WorkerPool pool() {
        if (pool == null) {
            pool = new WorkerPool(config.settings());
        }
        return pool;
    }

    @PreDestroy
    synchronized void stop() {
        if (pool != null) {
            pool.close();
        }
    }
}
