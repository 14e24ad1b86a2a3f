package io.berth.core.mcp;

import com.hazelcast.topic.ITopic;

import io.berth.core.cluster.ClusterMember;
import io.berth.core.json.JsonFactories;
import io.berth.core.security.Secrets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes what a client sends about a running call back to the node running it: responses to our requests
 * (elicitation, sampling) and cancellations. The client may post them to any node; the receiving node completes the
 * waiter if it holds it, and otherwise publishes on a Hazelcast topic that every node listens to.
 */
@ApplicationScoped
public class ClientReplies {

    static final String TOPIC = "berth.mcp-client-messages";
    private static final String REPLY = "reply";
    private static final String CANCEL = "cancel";

    @Inject
    ClusterMember cluster;

    private final Map<String, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
    private final Map<String, CallContext> running = new ConcurrentHashMap<>();

    /** Subscribes this node to the topic; called once at start-up, after the cluster member has started. */
    public void listen() {
        topic().addMessageListener(m -> receive(m.getMessageObject()));
    }

    String newRequestId() {
        return "berth-" + Secrets.randomHex(12);
    }

    CompletableFuture<JsonObject> expect(String sessionKey, String requestId) {
        CompletableFuture<JsonObject> f = new CompletableFuture<>();
        waiting.put(sessionKey + '\n' + requestId, f);
        return f;
    }

    void forget(String sessionKey, String requestId) {
        waiting.remove(sessionKey + '\n' + requestId);
    }

    void running(String sessionKey, String requestId, CallContext context) {
        running.put(sessionKey + '\n' + requestId, context);
    }

    void finished(String sessionKey, String requestId) {
        running.remove(sessionKey + '\n' + requestId);
    }

    /** A response of the client to one of our requests; {@code requestId} is the JSON text of its id. */
    void deliver(String sessionKey, String requestId, JsonObject response) {
        CompletableFuture<JsonObject> local = waiting.get(sessionKey + '\n' + requestId);
        if (local != null) {
            local.complete(response);
        } else {
            topic().publish(REPLY + '\n' + sessionKey + '\n' + requestId + '\n' + response);
        }
    }

    /** {@code notifications/cancelled} for the request whose id has the JSON text {@code requestId}. */
    void cancel(String sessionKey, String requestId) {
        CallContext local = running.get(sessionKey + '\n' + requestId);
        if (local != null) {
            local.cancel();
        } else {
            topic().publish(CANCEL + '\n' + sessionKey + '\n' + requestId + '\n');
        }
    }

    private void receive(String message) {
        String[] parts = message.split("\n", 4);
        if (parts.length < 4) {
            return;
        }
        String key = parts[1] + '\n' + parts[2];
        if (parts[0].equals(REPLY)) {
            Optional.ofNullable(waiting.get(key)).ifPresent(f -> f.complete(parse(parts[3])));
        } else if (parts[0].equals(CANCEL)) {
            Optional.ofNullable(running.get(key)).ifPresent(CallContext::cancel);
        }
    }

    private static JsonObject parse(String json) {
        try (var r = JsonFactories.READERS.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    private ITopic<String> topic() {
        return cluster.hazelcast().getTopic(TOPIC);
    }
}
