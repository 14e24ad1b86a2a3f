package io.berth.core.plugin;

import io.berth.sdk.ToolCall;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolResult;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
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
 * inside the tenant's bulkhead, under a time-out, and every failure comes back as a tool result the model can read: a
 * {@link ToolException}'s message as is, anything else as a generic failure whose details stay in Berth's log.
 */
@ApplicationScoped
public class ToolInvoker {

    private static final Logger LOG = Logger.getLogger(ToolInvoker.class.getName());

    @Inject
    PluginConfig config;

    private final Map<String, Semaphore> bulkheads = new ConcurrentHashMap<>();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "berth-tool-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final ScheduledThreadPoolExecutor timer = timer();

    /**
     * Starts a call on a plugin thread. The returned future always completes normally: with the tool's result, or an
     * error result when the tenant's bulkhead is full, the time-out passes (the plugin thread is interrupted) or the
     * plugin fails. The bulkhead slot is held until the plugin thread really ends, so a tool that ignores interrupts
     * keeps occupying its tenant's capacity, not other tenants'.
     */
    public CompletableFuture<ToolResult> start(PluginTool tool, ToolCall call, ToolContext context) {
        Semaphore bulkhead = bulkheads.computeIfAbsent(tool.tenantId(),
                t -> new Semaphore(config.maxConcurrentCallsPerTenant()));
        if (!bulkhead.tryAcquire()) {
            return CompletableFuture.completedFuture(
                    ToolResult.error("Too many calls of this tenant are running; retry shortly."));
        }
        CompletableFuture<ToolResult> result = new CompletableFuture<>();
        Future<?> task;
        try {
            task = pool.submit(() -> {
                try {
                    ToolResult r = callWithLoader(tool.loader(), () -> callHandler(tool, call, context));
                    result.complete(r != null ? r : ToolResult.error("The tool returned no result."));
                } catch (InterruptedException e) {
                    result.complete(ToolResult.error("The call was interrupted."));
                } catch (Throwable e) {
                    LOG.log(Level.WARNING, "Tenant " + tool.tenantId() + ": tool " + tool.name() + " failed", e);
                    result.complete(ToolResult.error("The tool failed unexpectedly."));
                } finally {
                    bulkhead.release();
                }
            });
        } catch (RuntimeException e) {
            bulkhead.release();
            throw e;
        }
        long timeout = config.callTimeout().toMillis();
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            if (result.complete(ToolResult.error("The tool did not finish within " + timeout + " ms."))) {
                LOG.warning(() -> "Tenant " + tool.tenantId() + ": tool " + tool.name() + " timed out");
                task.cancel(true);
            }
        }, timeout, TimeUnit.MILLISECONDS);
        // A finished call removes its deadline at once (remove-on-cancel), so the timer holds only running calls.
        result.whenComplete((r, e) -> deadline.cancel(false));
        return result;
    }

    private static ToolResult callHandler(PluginTool tool, ToolCall call, ToolContext context) throws Exception {
        try {
            return tool.tool().handler().call(call, context);
        } catch (ToolException e) {
            return ToolResult.error(e.getMessage() == null ? "The tool failed." : e.getMessage());
        }
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

    private static <T> T callWithLoader(ClassLoader loader, java.util.concurrent.Callable<T> work) throws Exception {
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
            Thread thread = new Thread(r, "berth-tool-timer");
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
