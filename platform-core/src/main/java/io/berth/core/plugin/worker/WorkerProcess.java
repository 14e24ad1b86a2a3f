package io.berth.core.plugin.worker;

import io.berth.worker.wire.Fields;
import io.berth.worker.wire.Frames;
import io.berth.worker.wire.JsonException;
import io.berth.worker.wire.JsonWriter;
import io.berth.worker.wire.Rpc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * One worker JVM and the host's end of its pipes: a reader thread routes each message from the worker to the call it
 * belongs to ({@link WorkerCall}), writes are serialized, stderr is captured. A worker that breaks the protocol,
 * stalls a write, or does not stop a call after cancellation is killed ({@code SIGKILL} to bwrap, whose PID namespace
 * takes every process of the worker with it); its calls in flight then fail at once.
 */
final class WorkerProcess {

    private static final Logger LOG = Logger.getLogger(WorkerProcess.class.getName());
    /** A write into the worker's stdin that takes this long means the worker stopped reading. */
    private static final long WRITE_STALL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String label;
    private final Process process;
    private final OutputStream stdin;
    private final StderrCapture stderr;
    private final Thread stderrReader;
    private final WorkerSettings settings;
    private final Map<Long, WorkerCall> calls = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<Map<String, Object>> ready = new CompletableFuture<>();
    private final AtomicBoolean dead = new AtomicBoolean();
    private final BiConsumer<WorkerProcess, String> onDeath;
    private final long spawnedNanos = System.nanoTime();
    private final ScheduledFuture<?> watchdog;
    private volatile long writingSince;
    private volatile long readyNanos;
    private volatile String deathReason;

    private WorkerProcess(String label, Process process, WorkerSettings settings, ScheduledExecutorService timer,
                          BiConsumer<WorkerProcess, String> onDeath) {
        this.label = label;
        this.process = process;
        this.stdin = process.getOutputStream();
        this.settings = settings;
        this.onDeath = onDeath;
        this.stderr = new StderrCapture(process.getErrorStream(), label, settings.stderrLogBytes());
        this.stderrReader = thread(label + "-stderr", stderr);
        this.watchdog = timer.scheduleWithFixedDelay(this::checkWrites, 1, 1, TimeUnit.SECONDS);
    }

    private WorkerProcess started() {
        stderrReader.start();
        thread(label + "-reader", this::readLoop).start();
        return this;
    }

    /**
     * Spawns the worker from {@code spawner}'s long-lived thread (the sandbox dies with the thread that started it);
     * {@code onDeath} hears once when it is gone, with the reason.
     */
    static WorkerProcess spawn(String label, List<String> command, WorkerSettings settings,
                               ScheduledExecutorService timer, java.util.concurrent.ExecutorService spawner,
                               BiConsumer<WorkerProcess, String> onDeath) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        // Nothing of Berth's environment (credentials, keystore passwords) reaches the worker or its launchers.
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.directory(new java.io.File("/"));
        Process process;
        try {
            process = spawner.submit(pb::start).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        return new WorkerProcess(label, process, settings, timer, onDeath).started();
    }

    /** Waits for the worker's {@code ready}; kills it when it does not come in time. */
    void awaitReady(Duration limit) throws InterruptedException {
        try {
            Map<String, Object> hello = ready.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!Long.valueOf(Rpc.PROTOCOL_VERSION).equals(hello.get("protocol"))) {
                kill("speaks protocol " + hello.get("protocol") + ", not " + Rpc.PROTOCOL_VERSION);
                throw new WorkerStartException("The worker speaks another protocol version");
            }
        } catch (TimeoutException e) {
            kill("was not ready within " + limit.toMillis() + " ms");
            throw new WorkerStartException("The worker did not start within " + limit.toMillis() + " ms" + tail());
        } catch (ExecutionException e) {
            stderr.awaitEnd(1_000);
            throw new WorkerStartException("The worker did not start: " + deathReason + tail());
        }
    }

    /**
     * Runs one request in the worker and waits for its answer, serving the worker's {@code context/*} requests for it
     * on this thread. See {@link WorkerCall}.
     */
    Object call(String method, Map<String, Object> params, CallScope scope) throws Exception {
        if (dead.get()) {
            throw crashed();
        }
        WorkerCall call = new WorkerCall(this, ids.incrementAndGet(), scope);
        calls.put(call.id(), call);
        try {
            if (dead.get()) {
                throw crashed();
            }
            return call.run(method, params);
        } finally {
            calls.remove(call.id());
        }
    }

    void send(Map<String, Object> message) throws IOException {
        write(frame(JsonWriter.write(message)));
    }

    private static byte[] frame(String json) {
        return (json + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private void write(byte[] bytes) throws IOException {
        synchronized (stdin) {
            writingSince = System.nanoTime();
            try {
                stdin.write(bytes);
                stdin.flush();
            } finally {
                writingSince = 0;
            }
        }
    }

    /** Best effort: a worker that is gone needs no notification. */
    void sendQuietly(Map<String, Object> message) {
        try {
            send(message);
        } catch (IOException e) {
            LOG.fine(() -> label + ": could not send " + message.get("method") + ": " + e);
        }
    }

    /**
     * Answers a worker's {@code context/*} request, best effort. An answer the worker could not read becomes an error
     * it can: one that is not JSON, or one over the worker's message limit (a large response body), which would
     * otherwise get the worker killed for a plugin's ordinary request.
     */
    void answerQuietly(Object id, Map<String, Object> answer) {
        byte[] bytes;
        try {
            bytes = frame(JsonWriter.write(answer));
        } catch (JsonException e) {
            bytes = frame(JsonWriter.write(Rpc.error(id, Rpc.INTERNAL_ERROR, "The host's answer is not JSON")));
        }
        if (bytes.length - 1 > settings.maxMessageBytes()) {
            bytes = frame(JsonWriter.write(Rpc.error(id, Rpc.REFUSED, "The answer is larger than Berth passes to a "
                    + "plugin's worker (" + (bytes.length - 1) + " bytes; at most " + settings.maxMessageBytes()
                    + ")")));
        }
        try {
            write(bytes);
        } catch (IOException e) {
            LOG.fine(() -> label + ": could not answer " + id + ": " + e);
        }
    }

    void cancel(long id) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        sendQuietly(Rpc.notification(Rpc.CANCEL, p));
    }

    /** Kills the worker (all its processes) and fails its calls in flight. Idempotent. */
    void kill(String reason) {
        if (deathReason == null) {
            deathReason = reason;
        }
        process.destroyForcibly();
        died(reason);
    }

    /** Closes stdin: the worker exits once its reader sees the end; killed if it is still there after the grace. */
    void shutdown(ScheduledExecutorService timer) {
        try {
            synchronized (stdin) {
                stdin.close();
            }
        } catch (IOException e) {
            // already gone
        }
        timer.schedule(() -> {
            if (process.isAlive()) {
                kill("was stopped");
            }
        }, Math.max(1000, settings.cancelGrace().toMillis()), TimeUnit.MILLISECONDS);
    }

    boolean alive() {
        return !dead.get();
    }

    String label() {
        return label;
    }

    WorkerSettings settings() {
        return settings;
    }

    /** The outermost process of the worker (the sandbox's launcher). */
    long pid() {
        return process.pid();
    }

    /** The worker's JVM among the launcher's descendants (the last process named java). */
    OptionalLong javaPid() {
        return process.toHandle().descendants()
                .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .mapToLong(ProcessHandle::pid).reduce((a, b) -> b);
    }

    long spawnedNanos() {
        return spawnedNanos;
    }

    /** Spawn to {@code ready}, or null while not ready. */
    Duration startTime() {
        long r = readyNanos;
        return r == 0 ? null : Duration.ofNanos(r - spawnedNanos);
    }

    String tail() {
        String t = stderr.tail();
        return t.isEmpty() ? "" : "; its last diagnostics:\n" + t;
    }

    WorkerCallException crashed() {
        return new WorkerCallException(WorkerCallException.Reason.CRASHED, "The plugin's worker stopped ("
                + (deathReason == null ? "ended" : deathReason) + "); the next call gets a new one.");
    }

    private void readLoop() {
        Frames.Reader in = new Frames.Reader(process.getInputStream(), settings.maxMessageBytes());
        try {
            Object message;
            while ((message = in.read()) != null) {
                route(message);
            }
            died(exitReason());
        } catch (Frames.FrameException | JsonException e) {
            kill("broke the protocol: " + e.getMessage());
        } catch (IOException e) {
            died(exitReason());
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, label + ": reader failed", e);
            kill("could not be read: " + e);
        }
    }

    private void route(Object message) throws IOException {
        if (!(message instanceof Map<?, ?>)) {
            throw new Frames.FrameException("a message that is not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) message;
        Object method = m.get("method");
        Object id = m.get("id");
        if (method == null) {
            WorkerCall call = id instanceof Long l ? calls.get(l) : null;
            if (call != null) {
                deliver(call, m);
            }
            // else: the answer to a call already given up on (timed out, cancelled) — expected, dropped
            return;
        }
        if (!(method instanceof String name)) {
            throw new Frames.FrameException("a method that is not a string");
        }
        Map<String, Object> params = Fields.optObject(m, "params");
        if (Rpc.READY.equals(name) && params != null) {
            readyNanos = System.nanoTime();
            ready.complete(params);
        } else if (name.startsWith(Rpc.CONTEXT_PREFIX) && params != null && params.get("call") instanceof Long c
                && calls.get(c) != null) {
            deliver(calls.get(c), m);
        } else if (id != null) {
            send(Rpc.error(id, Rpc.INVALID_PARAMS, "No such call or method"));
        }
    }

    private void deliver(WorkerCall call, Map<String, Object> m) throws Frames.FrameException {
        if (!call.deliver(m)) {
            throw new Frames.FrameException("more messages for one call than its caller takes");
        }
    }

    private String exitReason() {
        try {
            if (process.waitFor(1, TimeUnit.SECONDS)) {
                return "exited with status " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "closed its output";
    }

    private void died(String reason) {
        if (!dead.compareAndSet(false, true)) {
            return;
        }
        if (deathReason == null) {
            deathReason = reason;
        }
        watchdog.cancel(false);
        process.destroyForcibly();
        try {
            // the worker's last words (why it died) are on their way through stderr
            stderrReader.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ready.completeExceptionally(new IOException(reason));
        calls.values().forEach(WorkerCall::died);
        onDeath.accept(this, deathReason);
    }

    private void checkWrites() {
        long since = writingSince;
        if (since != 0 && System.nanoTime() - since > WRITE_STALL_NANOS) {
            kill("stopped reading its input");
        }
        if (!process.isAlive() && !dead.get()) {
            // the reader normally notices first; this covers a descendant still holding stdout open
            died(exitReason());
        }
    }

    private static Thread thread(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
