package io.berth.core.plugin;

import io.berth.sdk.ToolCall;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolResult;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way into plugin code. Every call runs with the plugin's class loader as context loader, inside the tenant's
 * bulkhead, under a time-out, and every failure comes back as a tool result the model can read: a
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

    public ToolResult invoke(PluginTool tool, ToolCall call, ToolContext context) {
        Semaphore bulkhead = bulkheads.computeIfAbsent(tool.tenantId(),
                t -> new Semaphore(config.maxConcurrentCallsPerTenant()));
        if (!bulkhead.tryAcquire()) {
            return ToolResult.error("Too many calls of this tenant are running; retry shortly.");
        }
        Future<ToolResult> running;
        try {
            running = pool.submit(() -> callWithLoader(tool.loader(), () -> callHandler(tool, call, context)));
        } catch (RuntimeException e) {
            bulkhead.release();
            throw e;
        }
        try {
            ToolResult result = running.get(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return result != null ? result : ToolResult.error("The tool returned no result.");
        } catch (TimeoutException e) {
            running.cancel(true);
            LOG.warning(() -> "Tenant " + tool.tenantId() + ": tool " + tool.name() + " timed out");
            return ToolResult.error("The tool did not finish within " + config.callTimeout().toMillis() + " ms.");
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return ToolResult.error("The call was interrupted.");
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "Tenant " + tool.tenantId() + ": tool " + tool.name() + " failed", e.getCause());
            return ToolResult.error("The tool failed unexpectedly.");
        } finally {
            bulkhead.release();
        }
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

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
