package io.berth.core.mcp;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP response of one asynchronous POST. It starts as plain JSON and becomes a {@code text/event-stream} the
 * moment the call has something to say before its result (progress, log messages, requests to the client); the final
 * JSON-RPC response is the last event and ends the stream. Calls that say nothing on the way are answered with a
 * single {@code application/json} body, the cheapest form.
 *
 * <p>Session-era streams are resumable ({@link ResumableStream}): they open with a priming event carrying an id and a
 * {@code retry} hint, every event has an id, and {@link #poll()} lets the server close a long call's response early;
 * the rest of the call's events then reach the client when it reconnects with {@code Last-Event-ID}. 2026-07-28
 * streams have no ids (that era has no resumability).
 *
 * <p>Writes come from plugin threads; they are serialized here. A client that went away turns later writes into
 * no-ops (an HTTP disconnect is not a cancellation in the session era: the call runs on).
 */
final class ResponseChannel implements MessageSink {

    private static final byte[] STREAM_OPEN = ": stream\n\n".getBytes(StandardCharsets.UTF_8);
    /** How long a client should wait before reconnecting to a stream the server closed. */
    static final long RETRY_MS = 500;

    private final AsyncContext async;
    private final HttpServletResponse response;
    private final ResumableStream resumable;
    private boolean streaming;
    private boolean finished;
    private boolean broken;
    private boolean detached;

    /** A channel without resumability (2026-07-28). */
    ResponseChannel(AsyncContext async, HttpServletResponse response) {
        this(async, response, null);
    }

    ResponseChannel(AsyncContext async, HttpServletResponse response, ResumableStream resumable) {
        this.async = async;
        this.response = response;
        this.resumable = resumable;
    }

    @Override
    public synchronized void send(String message) {
        if (finished) {
            return;
        }
        if (detached) {
            resumable.forward(message, false);
            return;
        }
        if (broken) {
            return;
        }
        try {
            openStream();
            writeEvent(message, false);
            response.getOutputStream().flush();
        } catch (IOException e) {
            broken = true;
        }
    }

    /** Sends the final response and completes the exchange. */
    @Override
    public void finish(String message) {
        finish(message, 200);
    }

    /**
     * Sends the final response with {@code status} if it is still a plain JSON answer (an error that must be a 400,
     * say); once streaming, the status is 200 already and the message is simply the last event.
     */
    public synchronized void finish(String message, int status) {
        if (finished) {
            return;
        }
        finished = true;
        if (detached) {
            resumable.forward(message, true);
            return;
        }
        try {
            if (broken) {
                return;
            }
            if (streaming) {
                writeEvent(message, true);
            } else {
                byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
                response.setStatus(status);
                response.setContentType("application/json");
                response.setContentLength(bytes.length);
                response.getOutputStream().write(bytes);
            }
        } catch (IOException e) {
            broken = true;
        } finally {
            async.complete();
        }
    }

    /** Finishes with {@code message} unless already finished; true if this call finished it. */
    synchronized boolean finishIfOpen(String message) {
        if (finished) {
            return false;
        }
        finish(message, 200);
        return true;
    }

    synchronized boolean finished() {
        return finished;
    }

    /**
     * SSE polling: if the call is still running, turn the response into a stream (priming event with its id and a
     * retry hint) and close it; the client reconnects with {@code Last-Event-ID} and gets the rest there. Frees the
     * connection of a long call. Does nothing on a channel that is not resumable or already answered.
     */
    synchronized void poll() {
        if (resumable == null || finished || detached || broken) {
            return;
        }
        try {
            openStream();
        } catch (IOException e) {
            broken = true;
        }
        detached = true;
        async.complete();
    }

    private void openStream() throws IOException {
        if (streaming) {
            return;
        }
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        streaming = true;
        // Liberty's first flush of a response only commits it and sends nothing; the opening bytes (a comment, or the
        // priming event of a resumable stream) make sure the first real message is not held back until the next one.
        response.getOutputStream().write(resumable == null ? STREAM_OPEN
                : ("id: " + resumable.prime() + "\nretry: " + RETRY_MS + "\ndata: \n\n")
                        .getBytes(StandardCharsets.UTF_8));
        response.getOutputStream().flush();
    }

    private void writeEvent(String message, boolean last) throws IOException {
        String id = resumable == null ? null : resumable.record(message, last);
        response.getOutputStream().write(((id == null ? "" : "id: " + id + "\n") + "event: message\ndata: " + message
                + "\n\n").getBytes(StandardCharsets.UTF_8));
    }
}
