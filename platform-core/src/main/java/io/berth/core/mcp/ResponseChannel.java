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
 * <p>Writes come from plugin threads; they are serialized here. A client that went away turns later writes into
 * no-ops (an HTTP disconnect is not a cancellation in the session era: the call runs on).
 */
final class ResponseChannel implements MessageSink {

    private static final byte[] STREAM_OPEN = ": stream\n\n".getBytes(StandardCharsets.UTF_8);

    private final AsyncContext async;
    private final HttpServletResponse response;
    private boolean streaming;
    private boolean finished;
    private boolean broken;

    ResponseChannel(AsyncContext async, HttpServletResponse response) {
        this.async = async;
        this.response = response;
    }

    @Override
    public synchronized void send(String message) {
        if (finished || broken) {
            return;
        }
        try {
            if (!streaming) {
                response.setStatus(200);
                response.setContentType("text/event-stream");
                response.setCharacterEncoding("UTF-8");
                response.setHeader("Cache-Control", "no-cache");
                response.setHeader("X-Accel-Buffering", "no");
                streaming = true;
                // Liberty's first flush of a response only commits it and sends nothing; a comment line opens the
                // stream so that the first real message is not held back until the next one.
                response.getOutputStream().write(STREAM_OPEN);
                response.getOutputStream().flush();
            }
            writeEvent(message);
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
        try {
            if (broken) {
                return;
            }
            if (streaming) {
                writeEvent(message);
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

    private void writeEvent(String message) throws IOException {
        response.getOutputStream().write(("event: message\ndata: " + message + "\n\n").getBytes(StandardCharsets.UTF_8));
    }
}
