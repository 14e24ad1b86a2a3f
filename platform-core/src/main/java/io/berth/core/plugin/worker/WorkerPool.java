package io.berth.core.plugin.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker tier's entry point: one warm, sandboxed JVM per tenant running all of the tenant's worker plugins, each
 * in its own class loader. {@link #deploy} starts it and answers the plugins' declarations as SDK records
 * ({@link WorkerPlugin}) whose code forwards to the worker; a worker that dies or is killed is replaced for the next
 * call, and no other tenant's worker notices.
 *
 * <pre>{@code
 * WorkerPool pool = new WorkerPool(settings);                       // one per node (WorkerConfig builds settings)
 * List<WorkerPlugin> plugins = pool.deploy("acme", List.of(jar));   // blocks until loaded; WorkerStartException
 * for (WorkerPlugin p : plugins)
 *     for (Tool t : p.tools()) catalogEntries.add(new Deployed<>("acme", p.jarName(), t, p.loader()));
 * // after a plugin's ToolContext.listChanged: pool.redeclare("acme") gives fresh records
 * }</pre>
 *
 * <p>The sandbox fails closed: without bubblewrap (or on an architecture without a seccomp filter), {@link #deploy}
 * throws and no plugin code runs; only {@link WorkerSettings.Sandbox#NONE}, chosen explicitly, runs workers unconfined.
 */
public final class WorkerPool implements AutoCloseable {

    private final WorkerSettings settings;
    private final ContextBridge bridge = new ContextBridge();
    private final Map<String, TenantWorker> tenants = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final ExecutorService starter;
    private final ExecutorService spawner;
    private Launcher launcher;

    public WorkerPool(WorkerSettings settings) {
        this(settings, Duration.ofSeconds(60));
    }

    /** {@code starterKeepAlive}: how long an idle start thread lives (tests shorten it). */
    WorkerPool(WorkerSettings settings, Duration starterKeepAlive) {
        this.settings = settings;
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, daemon("berth-worker-timer"));
        t.setRemoveOnCancelPolicy(true);
        this.timer = t;
        this.starter = new ThreadPoolExecutor(0, Integer.MAX_VALUE, starterKeepAlive.toMillis(),
                TimeUnit.MILLISECONDS, new SynchronousQueue<>(), daemon("berth-worker-start"));
        // bwrap --die-with-parent uses PR_SET_PDEATHSIG, which fires when the *thread* that spawned it ends, not the
        // JVM: every worker is spawned by this one thread, which lives as long as the pool.
        this.spawner = Executors.newSingleThreadExecutor(daemon("berth-worker-spawn"));
    }

    /** Where capabilities added to the SDK later are registered for workers. */
    public ContextBridge contextBridge() {
        return bridge;
    }

    /**
     * Starts the tenant's worker on these plugin JARs and waits until their plugins are loaded. A worker the tenant
     * had before is replaced (its calls in flight may finish within the grace); the records it gave out stop working.
     *
     * @throws WorkerStartException the sandbox is unavailable, or the worker did not start or load in time
     */
    public List<WorkerPlugin> deploy(String tenantId, List<Path> jars) throws InterruptedException {
        TenantWorker next = new TenantWorker(tenantId, jars, launcher(), settings, timer, starter, spawner, bridge);
        Map<String, Object> declarations = next.start();
        List<WorkerPlugin> plugins;
        try {
            plugins = RemoteOfferings.of(next, declarations);
        } catch (RuntimeException e) {
            next.close();
            throw new WorkerStartException("The worker declared its plugins in a form Berth cannot read", e);
        }
        TenantWorker previous = tenants.put(tenantId, next);
        if (previous != null) {
            previous.close();
        }
        return plugins;
    }

    /** Reads the tenant's plugins' declarations again (after a plugin said its lists changed). */
    public List<WorkerPlugin> redeclare(String tenantId) throws Exception {
        TenantWorker w = tenant(tenantId);
        return RemoteOfferings.of(w, w.redeclare());
    }

    /** What the tenant's worker reported while loading and declaring its plugins; empty when all went well. */
    public List<String> problems(String tenantId) {
        TenantWorker w = tenants.get(tenantId);
        return w == null ? List.of() : w.problems();
    }

    /** Stops the tenant's worker; its records fail from now on. */
    public void undeploy(String tenantId) {
        TenantWorker w = tenants.remove(tenantId);
        if (w != null) {
            w.close();
        }
    }

    /** The tenant's worker as it is now, if it has one running. */
    public Optional<WorkerStatus> status(String tenantId) {
        TenantWorker w = tenants.get(tenantId);
        WorkerProcess p = w == null ? null : w.current();
        if (p == null || !p.alive()) {
            return Optional.empty();
        }
        return Optional.of(new WorkerStatus(p.pid(), p.javaPid(), p.startTime(), w.restarts()));
    }

    /**
     * A running worker.
     *
     * @param pid       the sandbox launcher's pid on the host (killing it kills the worker)
     * @param javaPid   the worker JVM's pid on the host, when visible
     * @param startTime spawn to ready
     * @param restarts  how often the tenant's worker was replaced since deploy
     */
    public record WorkerStatus(long pid, OptionalLong javaPid, Duration startTime, int restarts) {
    }

    @Override
    public void close() {
        tenants.keySet().forEach(this::undeploy);
        timer.shutdown();
        starter.shutdownNow();
        spawner.shutdown();
        synchronized (this) {
            if (launcher != null) {
                launcher.close();
            }
        }
    }

    /** The tenant's worker, for tests and diagnostics in this package. */
    TenantWorker worker(String tenantId) {
        return tenant(tenantId);
    }

    private TenantWorker tenant(String tenantId) {
        TenantWorker w = tenants.get(tenantId);
        if (w == null) {
            throw new IllegalArgumentException("No worker plugins are deployed for tenant " + tenantId);
        }
        return w;
    }

    /** Made at first use, so a node without worker plugins needs no sandbox; retried while it fails. */
    private synchronized Launcher launcher() {
        if (launcher == null) {
            launcher = new Launcher(settings);
        }
        return launcher;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
