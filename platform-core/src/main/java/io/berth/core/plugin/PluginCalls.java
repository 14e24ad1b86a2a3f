package io.berth.core.plugin;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way into plugin code. Every call runs on a plugin thread with the plugin's class loader as context loader,
 * inside the tenant's bulkhead and under a time-out. The returned future fails with a {@link PluginCallException} that
 * says what went wrong without the plugin's internals; the details of unexpected failures go to Berth's log.
 *
 * <p>The bulkhead slot is held until the plugin thread really ends, so a plugin that ignores interrupts keeps
 * occupying its own tenant's capacity, never another tenant's.
 */
@ApplicationScoped
public class PluginCalls {

    private static final Logger LOG = Logger.getLogger(PluginCalls.class.getName());

    @Inject
    PluginConfig config;

    private final Map<String, Semaphore> bulkheads = new ConcurrentHashMap<>();
    /** Calls running per plugin class loader: a retired plugin version is unloaded once its count is zero. */
    private final Map<ClassLoader, AtomicInteger> running = new ConcurrentHashMap<>();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "berth-plugin-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final ScheduledThreadPoolExecutor timer = timer();

    /**
     * Runs {@code work} for {@code target}'s tenant in {@code target}'s loader. {@code what} names the call in logs
     * ("tool echo", "resource test://x").
     */
    public <T> CompletableFuture<T> run(Deployed<?> target, String what, Callable<T> work) {
        return run(target, what, work, config.callTimeout());
    }

    /** As {@link #run(Deployed, String, Callable)}, with its own time-out (long-running work such as tasks). */
    public <T> CompletableFuture<T> run(Deployed<?> target, String what, Callable<T> work, Duration limit) {
        String tenant = target.tenantId();
        Semaphore bulkhead = bulkheads.computeIfAbsent(tenant, t -> new Semaphore(config.maxConcurrentCallsPerTenant()));
        if (!bulkhead.tryAcquire()) {
            return CompletableFuture.failedFuture(new PluginCallException(PluginCallException.Kind.BUSY,
                    "Too many calls of this tenant are running; retry shortly."));
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicInteger inLoader = running.computeIfAbsent(target.loader(), l -> new AtomicInteger());
        inLoader.incrementAndGet();
        Future<?> task;
        try {
            task = pool.submit(() -> {
                T value = null;
                PluginCallException failure = null;
                try {
                    value = callWithLoader(target.loader(), work);
                } catch (io.berth.sdk.ToolException e) {
                    failure = new PluginCallException(PluginCallException.Kind.REFUSED,
                            e.getMessage() == null ? "The plugin refused the call." : e.getMessage());
                } catch (InterruptedException e) {
                    failure = new PluginCallException(PluginCallException.Kind.FAILED, "The call was interrupted.");
                } catch (Throwable e) {
                    LOG.log(Level.WARNING, "Tenant " + tenant + ": " + what + " failed", e);
                    failure = new PluginCallException(PluginCallException.Kind.FAILED,
                            "The plugin failed unexpectedly.");
                } finally {
                    if (inLoader.decrementAndGet() == 0) {
                        running.remove(target.loader(), inLoader);
                    }
                    // Free the slot before completing: completing writes the answer on this thread, and the
                    // client's next call may arrive before this thread would otherwise get to a later release.
                    bulkhead.release();
                }
                if (failure == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            inLoader.decrementAndGet();
            bulkhead.release();
            throw e;
        }
        long timeout = limit.toMillis();
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            if (result.completeExceptionally(new PluginCallException(PluginCallException.Kind.TIMEOUT,
                    "The plugin did not finish within " + timeout + " ms."))) {
                LOG.warning(() -> "Tenant " + tenant + ": " + what + " timed out");
                task.cancel(true);
            }
        }, timeout, TimeUnit.MILLISECONDS);
        // A finished call removes its deadline at once (remove-on-cancel), so the timer holds only running calls.
        result.whenComplete((r, e) -> deadline.cancel(false));
        return result;
    }

    /** How many calls into {@code loader}'s code are running (their threads have not ended yet). */
    public int running(ClassLoader loader) {
        AtomicInteger n = running.get(loader);
        return n == null ? 0 : n.get();
    }

    /** Runs {@code work} with {@code loader} as the thread's context class loader, restoring the previous one. */
    static <T> T withLoader(ClassLoader loader, Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static <T> T callWithLoader(ClassLoader loader, Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "berth-plugin-timer");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        pool.shutdownNow();
    }
}
