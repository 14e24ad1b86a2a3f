package io.berth.core.plugin.worker;

import io.berth.sdk.ToolContext;
import io.berth.worker.wire.Fields;
import io.berth.worker.wire.Rpc;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A tenant's worker over its life: one warm JVM at a time for one deployed set of plugin JARs. A worker that dies is
 * replaced at once in the background (the next call finds a warm one); one that keeps dying soon after its start is
 * restarted after a pause that doubles per failure, up to the maximum. Calls that arrive while a replacement starts
 * wait for it, bounded by their own time-out. Nothing here is shared with other tenants but the launcher and timers.
 */
final class TenantWorker {

    private static final Logger LOG = Logger.getLogger(TenantWorker.class.getName());
    /** A worker that lived this long before dying was healthy: its death starts the backoff afresh. */
    private static final long HEALTHY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final String tenant;
    private final List<String> jarNames;
    private final Launcher launcher;
    private final Launcher.Staged staged;
    private final WorkerSettings settings;
    private final ScheduledExecutorService timer;
    private final ExecutorService starter;
    private final ExecutorService spawner;
    private final ContextBridge bridge;
    private final AtomicInteger generation = new AtomicInteger();
    private WorkerProcess current;
    private CompletableFuture<WorkerProcess> starting;
    private int failures;
    private long notBeforeNanos = System.nanoTime();
    private boolean closed;
    private volatile Map<String, Object> declarations;
    private volatile int restarts;

    TenantWorker(String tenant, List<Path> jars, Launcher launcher, WorkerSettings settings,
                 ScheduledExecutorService timer, ExecutorService starter, ExecutorService spawner,
                 ContextBridge bridge) {
        this.tenant = tenant;
        this.jarNames = jars.stream().map(j -> j.getFileName().toString()).toList();
        this.launcher = launcher;
        this.settings = settings;
        this.timer = timer;
        this.starter = starter;
        this.spawner = spawner;
        this.bridge = bridge;
        this.staged = launcher.stage(tenant, jars);
    }

    String tenant() {
        return tenant;
    }

    /** The original file name of the JAR a worker path names ({@code /berth/plugins/3.jar} is the fourth). */
    String jarName(String pathInWorker) {
        String file = Path.of(pathInWorker).getFileName().toString();
        try {
            return jarNames.get(Integer.parseInt(file.substring(0, file.length() - ".jar".length())));
        } catch (RuntimeException e) {
            return file;
        }
    }

    /** Starts the first worker and waits until its plugins are loaded; its declarations in wire form. */
    Map<String, Object> start() throws InterruptedException {
        CompletableFuture<WorkerProcess> first;
        synchronized (this) {
            first = launchAfter(0);
        }
        try {
            first.get();
        } catch (ExecutionException e) {
            close();
            throw e.getCause() instanceof WorkerStartException w ? w
                    : new WorkerStartException("The worker did not start: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            close();
            throw e;
        }
        return declarations;
    }

    /** Runs a request in the tenant's current worker (started first when there is none). */
    Object call(String method, Map<String, Object> params, ToolContext context, Duration limit) throws Exception {
        return acquire().call(method, params, new CallScope(context, bridge, limit));
    }

    /** Reads the plugins' declarations again in the current worker. */
    Map<String, Object> redeclare() throws Exception {
        Object result = call(Rpc.DECLARE, new LinkedHashMap<>(), null, settings.startTimeout());
        declarations = Fields.asObject(result, "declarations");
        return declarations;
    }

    Map<String, Object> declarations() {
        return declarations;
    }

    synchronized WorkerProcess current() {
        return current;
    }

    int restarts() {
        return restarts;
    }

    private WorkerProcess acquire() throws WorkerCallException, InterruptedException {
        CompletableFuture<WorkerProcess> pending;
        synchronized (this) {
            if (closed) {
                throw new WorkerCallException(WorkerCallException.Reason.UNAVAILABLE,
                        "The plugin is no longer deployed.");
            }
            if (current != null && current.alive()) {
                return current;
            }
            pending = starting != null ? starting : launchAfter(untilAllowed());
        }
        try {
            return pending.get();
        } catch (ExecutionException e) {
            throw new WorkerCallException(WorkerCallException.Reason.UNAVAILABLE,
                    "The plugin's worker could not be started; retry later.");
        }
    }

    /** Starts a worker after {@code delayMillis} on the starter pool. Holds the monitor. */
    private CompletableFuture<WorkerProcess> launchAfter(long delayMillis) {
        CompletableFuture<WorkerProcess> f = new CompletableFuture<>();
        starting = f;
        Runnable start = () -> starter.execute(() -> {
            try {
                WorkerProcess p = spawnAndLoad();
                synchronized (this) {
                    starting = null;
                    if (closed) {
                        p.shutdown(timer);
                        f.completeExceptionally(new WorkerStartException("undeployed"));
                        return;
                    }
                    current = p;
                }
                f.complete(p);
            } catch (Exception | Error e) {
                synchronized (this) {
                    starting = null;
                    failed();
                    if (closed && current == null) {
                        launcher.unstage(staged);
                    }
                }
                LOG.log(Level.WARNING, "Tenant " + tenant + ": a plugin worker did not start: " + e.getMessage());
                f.completeExceptionally(e);
            }
        });
        if (delayMillis <= 0) {
            start.run();
        } else {
            timer.schedule(start, delayMillis, TimeUnit.MILLISECONDS);
        }
        return f;
    }

    private WorkerProcess spawnAndLoad() throws Exception {
        int uid = launcher.takeUid();
        SandboxCommand.Launch launch;
        WorkerProcess p;
        try {
            launch = launcher.launch(staged, uid);
            String label = "worker " + tenant + "#" + generation.incrementAndGet();
            p = WorkerProcess.spawn(label, launch.command(), settings, timer, spawner,
                    (proc, reason) -> died(proc, reason, uid));
        } catch (IOException | RuntimeException e) {
            launcher.releaseUid(uid);
            throw new WorkerStartException("The worker could not be spawned: " + e.getMessage(), e);
        }
        try {
            p.awaitReady(settings.startTimeout());
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("tenant", tenant);
            params.put("jars", launch.jarsInWorker());
            Object loaded = p.call(Rpc.LOAD, params, new CallScope(null, bridge, settings.startTimeout()));
            Map<String, Object> next = Fields.asObject(loaded, "declarations");
            Map<String, Object> previous = declarations;
            if (previous != null && !previous.get("plugins").equals(next.get("plugins"))) {
                LOG.warning(() -> "Tenant " + tenant + ": the plugins declared other offerings after a worker restart;"
                        + " they take effect when the tenant's plugins are declared again");
            }
            declarations = next;
            Fields.optList(next, "problems").forEach(problem -> LOG.warning(() -> "Tenant " + tenant + ": " + problem));
            return p;
        } catch (Exception | Error e) {
            p.kill("did not load its plugins");
            throw e instanceof WorkerStartException w ? w
                    : new WorkerStartException("The worker did not load its plugins: " + e.getMessage() + p.tail(), e);
        }
    }

    private void died(WorkerProcess p, String reason, int uid) {
        launcher.releaseUid(uid);
        boolean restart = false;
        synchronized (this) {
            boolean wasCurrent = p == current;
            if (wasCurrent) {
                current = null;
            }
            if (closed) {
                if (starting == null && current == null) {
                    launcher.unstage(staged);
                }
                return;
            }
            if (wasCurrent) {
                if (System.nanoTime() - p.spawnedNanos() > HEALTHY_NANOS) {
                    failures = 0;
                }
                failed();
                restarts++;
                if (starting == null) {
                    launchAfter(untilAllowed());
                }
                restart = true;
            }
        }
        long delay = untilAllowed();
        LOG.warning("Tenant " + tenant + ": " + p.label() + " " + reason
                + (restart ? "; a new worker starts" + (delay > 0 ? " in " + delay + " ms" : "") : "") + p.tail());
    }

    /** Records a death or failed start: the next start waits for the backoff. Holds the monitor. */
    private void failed() {
        notBeforeNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff(failures++));
    }

    private synchronized long untilAllowed() {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(notBeforeNanos - System.nanoTime()));
    }

    /** 0 for the first failure in a row, then the minimum, doubled each time, up to the maximum. */
    private long backoff(int failuresInARow) {
        if (failuresInARow == 0) {
            return 0;
        }
        long min = settings.restartBackoffMin().toMillis();
        long max = settings.restartBackoffMax().toMillis();
        return Math.min(max, min << Math.min(20, failuresInARow - 1));
    }

    /** What the worker reported while loading and declaring the plugins (a JAR that failed, a plugin that threw). */
    synchronized List<String> problems() {
        if (declarations == null) {
            return List.of();
        }
        return Fields.optList(declarations, "problems").stream().map(String::valueOf).toList();
    }

    /** Stops the worker: it finishes nothing new; it exits when its input closes, or is killed after the grace. */
    void close() {
        WorkerProcess p;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            p = current;
            if (starting != null) {
                starting.completeExceptionally(new WorkerStartException("undeployed"));
            }
        }
        if (p != null && p.alive()) {
            p.shutdown(timer);
        } else {
            launcher.unstage(staged);
        }
    }
}
