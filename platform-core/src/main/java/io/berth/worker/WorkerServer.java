package io.berth.worker;

import io.berth.sdk.QuotaExceededException;
import io.berth.sdk.ToolException;
import io.berth.worker.wire.Fields;
import io.berth.worker.wire.Frames;
import io.berth.worker.wire.JsonException;
import io.berth.worker.wire.JsonWriter;
import io.berth.worker.wire.Rpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker's request loop: reads the host's messages from stdin on one thread and runs each request on a bounded
 * pool, so several calls are in flight at once (each answered by its id). A request beyond the pool's size is answered
 * {@link Rpc#BUSY} at once. {@link Rpc#CANCEL} marks the call's context cancelled and interrupts its thread; the
 * host decides whether the worker must die when the call does not stop.
 */
final class WorkerServer {

    private final Frames.Reader in;
    private final HostLink host;
    private final ThreadPoolExecutor pool;
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    private final Methods methods;

    /** A call in flight: its context (for cancellation) and its thread's future (for interruption). */
    private static final class Running {
        volatile RemoteContext context;
        volatile Thread thread;
        volatile boolean cancelled;

        /** Idempotent; safe whichever of the context, the thread and the cancel notification comes first. */
        synchronized void stop() {
            if (!cancelled) {
                return;
            }
            RemoteContext c = context;
            if (c != null) {
                c.cancel();
            }
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }

        synchronized void finished() {
            thread = null;
            Thread.interrupted();
        }
    }

    WorkerServer(InputStream in, OutputStream out, int threads, int maxMessageBytes) {
        this.in = new Frames.Reader(in, maxMessageBytes);
        this.host = new HostLink(out, maxMessageBytes);
        this.methods = new Methods(host);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, threads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "berth-worker-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** After the host closed stdin: lets the calls in flight answer (the host kills the worker after its grace). */
    void drain() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
    }

    /** Serves until the host closes stdin. */
    void run() throws IOException {
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("protocol", Rpc.PROTOCOL_VERSION);
        ready.put("java", Runtime.version().toString());
        host.notify(Rpc.READY, ready);
        while (true) {
            Object message = in.read();
            if (message == null) {
                return;
            }
            if (!(message instanceof Map<?, ?>)) {
                host.send(Rpc.error(null, Rpc.INVALID_REQUEST, "A message must be an object"));
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) message;
            handle(m);
        }
    }

    private void handle(Map<String, Object> m) {
        Object method = m.get("method");
        Object id = m.get("id");
        if (method == null) {
            if (!host.answer(id, m)) {
                HostLink.writeDiagnostic("an answer nobody waits for: " + id);
            }
            return;
        }
        if (!(method instanceof String name) || !(m.get("params") instanceof Map<?, ?>)) {
            host.send(Rpc.error(id, Rpc.INVALID_REQUEST, "A request needs a method and params"));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) m.get("params");
        if (id == null) {
            if (Rpc.CANCEL.equals(name)) {
                cancel(params);
            }
            return;
        }
        if (!(id instanceof Long callId)) {
            host.send(Rpc.error(id, Rpc.INVALID_REQUEST, "A request id must be an integer"));
            return;
        }
        submit(callId, name, params);
    }

    private void submit(long id, String method, Map<String, Object> params) {
        Running r = new Running();
        if (running.putIfAbsent(id, r) != null) {
            host.send(Rpc.error(id, Rpc.INVALID_REQUEST, "A call with this id is running"));
            return;
        }
        try {
            pool.execute(() -> {
                r.thread = Thread.currentThread();
                String line;
                try {
                    r.stop();
                    line = answer(id, method, params, r);
                } finally {
                    r.finished();
                    running.remove(id);
                }
                host.sendLine(line);
            });
        } catch (RejectedExecutionException e) {
            running.remove(id);
            host.send(Rpc.error(id, Rpc.BUSY, "The worker runs as many calls as it may"));
        }
    }

    /** The serialized answer to one request; whatever the plugin does, this returns a line the host can read. */
    private String answer(long id, String method, Map<String, Object> params, Running r) {
        try {
            Object result = methods.call(id, method, params, context -> {
                r.context = context;
                r.stop();
            });
            try {
                return JsonWriter.write(Rpc.result(id, result));
            } catch (JsonException e) {
                return JsonWriter.write(Rpc.result(id, methods.unsendable(method)));
            }
        } catch (ToolException e) {
            int code = e instanceof QuotaExceededException ? Rpc.QUOTA_EXCEEDED : Rpc.REFUSED;
            return JsonWriter.write(Rpc.error(id, code,
                    e.getMessage() == null ? "The plugin refused the call." : e.getMessage()));
        } catch (Methods.BadRequest e) {
            return JsonWriter.write(Rpc.error(id, e.code, e.getMessage()));
        } catch (InterruptedException e) {
            return JsonWriter.write(Rpc.error(id, Rpc.CANCELLED, "The call was cancelled."));
        } catch (Throwable e) {
            if (r.context != null && r.context.cancelled()) {
                return JsonWriter.write(Rpc.error(id, Rpc.CANCELLED, "The call was cancelled."));
            }
            System.err.println("berth-worker: " + method + " failed");
            e.printStackTrace();
            return JsonWriter.write(Rpc.error(id, Rpc.FAILED, "The plugin failed unexpectedly."));
        }
    }

    private void cancel(Map<String, Object> params) {
        Object id = params.get("id");
        Running r = id instanceof Long l ? running.get(l) : null;
        if (r == null) {
            return;
        }
        r.cancelled = true;
        r.stop();
    }

    static List<String> jars(Map<String, Object> params) {
        return Fields.list(params, "jars").stream().map(o -> {
            if (!(o instanceof String s)) {
                throw new JsonException("'jars' must be strings");
            }
            return s;
        }).toList();
    }
}
