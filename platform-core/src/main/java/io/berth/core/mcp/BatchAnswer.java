package io.berth.core.mcp;

import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects the responses to the requests of one JSON-RPC batch and hands them over as one array once the last
 * request is answered. What a call says on the way (progress, logs, requests to the client) goes to {@code midCall},
 * the session's stream: a batch is answered as a whole, never streamed.
 */
final class BatchAnswer {

    private final List<String> responses = new ArrayList<>();
    private final MessageSink midCall;
    private final Consumer<String> done;
    private int outstanding;
    private boolean sealed;

    BatchAnswer(MessageSink midCall, Consumer<String> done) {
        this.midCall = midCall;
        this.done = done;
    }

    /** A sink for one request of the batch. */
    synchronized MessageSink expect() {
        outstanding++;
        return new MessageSink() {
            @Override
            public void send(String message) {
                midCall.send(message);
            }

            @Override
            public void finish(String message) {
                answered(message);
            }
        };
    }

    /** A response known at once (a malformed element, a refused request). */
    void answerNow(JsonValue id, JsonRpcError error) {
        expect().finish(JsonRpcCodec.error(id, error));
    }

    /** No more requests will be added; completes at once if all are answered (or there were none). */
    void seal() {
        String array;
        synchronized (this) {
            sealed = true;
            array = outstanding == 0 ? render() : null;
        }
        if (array != null) {
            done.accept(array);
        }
    }

    private void answered(String response) {
        String array;
        synchronized (this) {
            responses.add(response);
            outstanding--;
            array = sealed && outstanding == 0 ? render() : null;
        }
        if (array != null) {
            done.accept(array);
        }
    }

    /** The batch response; an empty string when the batch held only notifications and responses (nothing to say). */
    private String render() {
        return responses.isEmpty() ? "" : "[" + String.join(",", responses) + "]";
    }
}
