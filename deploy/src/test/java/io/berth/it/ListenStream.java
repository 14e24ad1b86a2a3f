package io.berth.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An open {@code subscriptions/listen} stream (2026-07-28). A reader thread queues every message as it arrives, so a
 * test waits for the next one with a deadline instead of blocking on the socket.
 */
final class ListenStream implements AutoCloseable {

    private final String id;
    private final SseEvents events;
    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();

    private ListenStream(String id, SseEvents events) {
        this.id = id;
        this.events = events;
        Thread reader = new Thread(this::read, "listen-" + id);
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens a listen stream asking for {@code notifications} (a SubscriptionFilter), with a string request id. */
    static ListenStream open(StatelessClient client, String id, JsonObject notifications) throws Exception {
        SseEvents events = SseEvents.send(client.streamingRequest(Json.createValue(id), "subscriptions/listen",
                Json.createObjectBuilder().add("notifications", notifications).build()));
        if (events.status() != 200 || !events.contentType().startsWith("text/event-stream")) {
            String first = String.valueOf(events.next());
            events.close();
            throw new AssertionError("subscriptions/listen answered HTTP " + events.status() + " "
                    + events.contentType() + ": " + first);
        }
        return new ListenStream(id, events);
    }

    /** The listen request's id, which every message on the stream must carry as its subscription id. */
    String id() {
        return id;
    }

    /** The next message, or null if none arrives within {@code timeout}. */
    JsonObject next(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next message, which must arrive within {@code timeout}. */
    JsonObject expect(Duration timeout, String what) throws InterruptedException {
        JsonObject m = next(timeout);
        if (m == null) {
            throw new AssertionError("Listen stream " + id + ": no message within " + timeout + " (expected " + what
                    + ")");
        }
        return m;
    }

    /** The subscription id a notification carries in {@code params._meta}, or null. */
    static JsonValue subscriptionId(JsonObject notification) {
        JsonObject params = notification.getJsonObject("params");
        JsonObject meta = params == null ? null : params.getJsonObject("_meta");
        return meta == null ? null : meta.get(StatelessClient.SUBSCRIPTION_ID);
    }

    private void read() {
        try {
            for (SseEvents.Event e = events.nextEvent(); e != null; e = events.nextEvent()) {
                messages.add(SseEvents.json(e.data()));
            }
        } catch (RuntimeException closed) {
            // the test closed the stream, or the server ended it: nothing more will come
        }
    }

    @Override
    public void close() {
        events.close();
    }
}
