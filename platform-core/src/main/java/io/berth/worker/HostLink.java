package io.berth.worker;

import io.berth.worker.wire.Fields;
import io.berth.worker.wire.JsonWriter;
import io.berth.worker.wire.Rpc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The worker's half of the pipe to the host: writes whole messages one at a time, and sends the worker's own requests
 * (a plugin using its {@code ToolContext}) and waits for their answers. Every message is serialized before the first
 * byte is written, so a value that cannot be written as JSON fails its sender and never corrupts the stream.
 */
final class HostLink {

    private final OutputStream out;
    private final int maxMessageBytes;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();

    HostLink(OutputStream out, int maxMessageBytes) {
        this.out = out;
        this.maxMessageBytes = maxMessageBytes;
    }

    void send(Map<String, Object> message) {
        sendLine(JsonWriter.write(message));
    }

    /** Sends an already serialized message (one line, no line break). */
    void sendLine(String json) {
        byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // The host is gone: nothing is left to serve.
                Runtime.getRuntime().halt(3);
            }
        }
    }

    void notify(String method, Map<String, Object> params) {
        send(Rpc.notification(method, params));
    }

    /**
     * Sends a request and waits for its answer: the result, or a {@link HostError} with the host's code and message.
     * A request larger than the host reads fails here ({@link HostError#tooLarge}): sent, it would get the worker
     * killed for breaking the protocol.
     */
    Object request(String method, Map<String, Object> params) throws HostError, InterruptedException {
        long id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            String line = JsonWriter.write(Rpc.request(id, method, params));
            int bytes = line.length() <= maxMessageBytes / 3 ? 0 : line.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxMessageBytes) {
                throw new HostError(Rpc.INVALID_REQUEST, "The request is larger than Berth accepts (" + bytes
                        + " bytes; at most " + maxMessageBytes + ")", true);
            }
            sendLine(line);
            Map<String, Object> response = answer.get();
            Map<String, Object> error = Fields.optObject(response, "error");
            if (error != null) {
                throw new HostError((int) Fields.integer(error, "code"), Fields.string(error, "message"), false);
            }
            return response.get("result");
        } catch (ExecutionException e) {
            throw new HostError(Rpc.INTERNAL_ERROR, "The host did not answer", false);
        } finally {
            pending.remove(id);
        }
    }

    /** Hands a response of the host to the request waiting for it; false if none waits. */
    boolean answer(Object id, Map<String, Object> response) {
        CompletableFuture<Map<String, Object>> waiting = id instanceof Long l ? pending.get(l) : null;
        return waiting != null && waiting.complete(response);
    }

    /** A failed reverse request. */
    static final class HostError extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;
        /** Never sent: too large for the host to read. */
        final boolean tooLarge;

        HostError(int code, String message, boolean tooLarge) {
            super(message, null, false, false);
            this.code = code;
            this.tooLarge = tooLarge;
        }
    }

    static void writeDiagnostic(String message) {
        System.err.println("berth-worker: " + message);
    }
}
