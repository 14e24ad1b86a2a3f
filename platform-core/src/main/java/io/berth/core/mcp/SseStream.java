package io.berth.core.mcp;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A long-lived server-to-client event stream held open on this node (asynchronously: it occupies no container thread).
 * Writes are serialized; a failed write or a container error closes the stream and reports it, so dead streams are
 * dropped rather than written to forever.
 */
final class SseStream {

    private final AsyncContext async;
    private final HttpServletResponse response;
    private final Runnable onClose;
    private boolean closed;

    SseStream(AsyncContext async, HttpServletResponse response, Runnable onClose) throws IOException {
        this.async = async;
        this.response = response;
        this.onClose = onClose;
        async.setTimeout(0);
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                close();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                close();
            }

            @Override
            public void onError(AsyncEvent event) {
                close();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not re-dispatched
            }
        });
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        // Liberty's first flush only commits the response; a comment opens the stream for real (see ResponseChannel).
        write(": stream\n\n");
    }

    /** Sends one event; {@code event} is the SSE event name. False when the stream is gone. */
    synchronized boolean send(String event, String data) {
        return write("event: " + event + "\ndata: " + data + "\n\n");
    }

    /** Sends one event with an id (resumable streams). */
    synchronized boolean send(String id, String event, String data) {
        return write("id: " + id + "\nevent: " + event + "\ndata: " + data + "\n\n");
    }

    /** A comment line that keeps proxies and clients from timing the stream out, and detects dead peers. */
    synchronized boolean keepAlive() {
        return write(": keep-alive\n\n");
    }

    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            async.complete();
        } catch (IllegalStateException alreadyDone) {
            // the container ended the exchange first
        }
        onClose.run();
    }

    private synchronized boolean write(String text) {
        if (closed) {
            return false;
        }
        try {
            response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            response.getOutputStream().flush();
            return true;
        } catch (IOException | IllegalStateException e) {
            close();
            return false;
        }
    }
}
