package io.berth.core.mcp;

import com.hazelcast.topic.ITopic;

import io.berth.core.cluster.ClusterMember;
import io.berth.core.identity.Scopes;
import io.berth.core.json.JsonFactories;
import io.berth.core.plugin.CatalogChange;
import io.berth.core.plugin.PluginCatalog;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server-to-client streams of sessions: at most one per session, held by whichever node the client connected to.
 * A message for a session reaches its stream wherever it is: written directly when this node holds it, otherwise
 * published on a Hazelcast topic that every node listens to. Every stream gets a keep-alive comment at a fixed interval;
 * a stream that cannot be written to is closed and forgotten.
 */
@ApplicationScoped
public class SessionStreams {

    static final String TOPIC = "berth.mcp-session-messages";
    private static final String CLOSE = "close";
    private static final String RESUMED = "resumed";

    @Inject
    ClusterMember cluster;

    @Inject
    ResourceMethods resources;

    @Inject
    PluginCatalog catalogs;

    @Inject
    @ConfigProperty(name = "berth.mcp.keep-alive-seconds")
    long keepAliveSeconds;

    private final Map<String, SseStream> local = new ConcurrentHashMap<>();
    /** The scopes of the request that opened each stream held here: what its agent may read. */
    private final Map<SseStream, Set<String>> readers = new ConcurrentHashMap<>();
    /** Resumed POST streams held here, by {@code sessionKey#streamId}, with the last event sequence written. */
    private final Map<String, Resumed> resumed = new ConcurrentHashMap<>();

    private static final class Resumed {
        final SseStream stream;
        long written;

        Resumed(SseStream stream, long written) {
            this.stream = stream;
            this.written = written;
        }
    }

    @Inject
    StreamEvents events;

    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "berth-sse-keep-alive");
        t.setDaemon(true);
        return t;
    });

    /** Subscribes this node to the topic and starts keep-alives; called once at start-up. */
    public void listen() {
        topic().addMessageListener(m -> {
            String[] parts = m.getMessageObject().split("\n", 3);
            if (parts.length == 3 && parts[1].equals(RESUMED)) {
                String[] event = parts[2].split("\n", 3);
                writeResumed(parts[0], new StreamEvents.Event(Long.parseLong(event[0]), event[1].equals("1"),
                        event[2]));
            } else if (parts.length == 3) {
                SseStream s = local.get(parts[0]);
                if (s != null && parts[1].equals(CLOSE)) {
                    closeHere(parts[0]);
                } else if (s != null) {
                    s.send(parts[1], parts[2]);
                }
            }
        });
        keepAlive.scheduleAtFixedRate(() -> {
            local.values().forEach(SseStream::keepAlive);
            resumed.values().forEach(r -> r.stream.keepAlive());
        }, keepAliveSeconds,
                keepAliveSeconds, TimeUnit.SECONDS);
    }

    /**
     * Opens the session's stream on this response and holds it here, closing one it replaces. {@code afterClose} runs
     * once the stream is gone (peer left, write failed, session ended). Resource updates reach it only for resources
     * the session's current caller (who opens the stream) may read.
     */
    SseStream open(McpSession session, AsyncContext async, HttpServletResponse response, Runnable afterClose)
            throws IOException {
        String sessionKey = session.key();
        SseStream[] self = new SseStream[1];
        self[0] = new SseStream(async, response, () -> {
            release(sessionKey, self[0]);
            afterClose.run();
        });
        readers.put(self[0], Set.copyOf(session.caller().scopes()));
        hold(sessionKey, self[0]);
        return self[0];
    }

    private void hold(String sessionKey, SseStream stream) {
        SseStream previous = local.put(sessionKey, stream);
        if (previous != null && previous != stream) {
            previous.close();
        }
    }

    private void release(String sessionKey, SseStream stream) {
        local.remove(sessionKey, stream);
        readers.remove(stream);
    }

    /** Closes the session's stream on whichever node holds it (session ended). */
    void closeEverywhere(String sessionKey) {
        if (!closeHere(sessionKey)) {
            topic().publish(sessionKey + '\n' + CLOSE + '\n');
        }
    }

    private boolean closeHere(String sessionKey) {
        SseStream s = local.remove(sessionKey);
        if (s != null) {
            s.close();
        }
        return s != null;
    }

    /**
     * Resumes a POST response stream of this session after {@code afterSeq} ({@code Last-Event-ID}): the stored
     * events are replayed, later ones arrive as the call produces them (from whichever node runs it), and the stream
     * ends after the call's response. False if the session has no such stream.
     */
    boolean resume(String sessionKey, ResumableStream.Position from, jakarta.servlet.http.HttpServletRequest request,
                   HttpServletResponse response) throws IOException {
        if (!events.exists(sessionKey, from.streamId())) {
            return false;
        }
        AsyncContext async = request.startAsync();
        String key = sessionKey + '#' + from.streamId();
        Resumed[] self = new Resumed[1];
        SseStream stream = new SseStream(async, response, () -> resumed.remove(key, self[0]));
        self[0] = new Resumed(stream, from.seq());
        Resumed previous = resumed.put(key, self[0]);
        if (previous != null) {
            previous.stream.close();
        }
        // Registered first, replayed second: an event arriving meanwhile is written once, in order (by sequence).
        for (StreamEvents.Event e : events.after(sessionKey, from.streamId(), from.seq())) {
            writeResumed(key, e);
        }
        return true;
    }

    /** An event of a detached POST stream, to its resumed stream on whichever node holds it. */
    void deliverResumed(String sessionKey, String streamId, StreamEvents.Event event) {
        String key = sessionKey + '#' + streamId;
        if (!writeResumed(key, event)) {
            topic().publish(key + '\n' + RESUMED + '\n' + event.seq() + '\n' + (event.last() ? "1" : "0") + '\n'
                    + event.message());
        }
    }

    private boolean writeResumed(String key, StreamEvents.Event event) {
        Resumed r = resumed.get(key);
        if (r == null) {
            return false;
        }
        synchronized (r) {
            if (event.seq() == r.written + 1) {
                r.written = event.seq();
                r.stream.send(key.substring(key.indexOf('#') + 1) + '.' + event.seq(), "message", event.message());
                if (event.last()) {
                    r.stream.close();
                }
            } else if (event.seq() > r.written + 1) {
                // A gap: the missing events are in the store (forwarded before this stream was registered here).
                String sessionKey = key.substring(0, key.indexOf('#'));
                String streamId = key.substring(key.indexOf('#') + 1);
                for (StreamEvents.Event missed : events.after(sessionKey, streamId, r.written)) {
                    if (missed.seq() > event.seq()) {
                        break;
                    }
                    r.written = missed.seq();
                    r.stream.send(streamId + '.' + missed.seq(), "message", missed.message());
                    if (missed.last()) {
                        r.stream.close();
                    }
                }
            }
        }
        return true;
    }

    /** Runs {@code task} after {@code millis} on the streams' scheduler (SSE polling). */
    java.util.concurrent.ScheduledFuture<?> schedule(Runnable task, long millis) {
        return keepAlive.schedule(task, millis, TimeUnit.MILLISECONDS);
    }

    /** Delivers a message ({@code event: message}) to the session's stream, wherever it is held. */
    void deliver(String sessionKey, String message) {
        SseStream s = local.get(sessionKey);
        if (s == null || !s.send("message", message)) {
            topic().publish(sessionKey + "\nmessage\n" + message);
        }
    }

    /**
     * Session-era notifications of a catalog change, to the streams this node holds for the tenant's sessions: list
     * changes to all of them, a resource update to those subscribed to the resource that may still read it (its
     * scopes may have changed since they subscribed).
     */
    void onChange(@Observes CatalogChange change) {
        String prefix = change.tenantId() + ':';
        String method = CallContext.notificationMethod(change.kind());
        Set<String> needed = change.kind() == CatalogChange.Kind.RESOURCE_UPDATED
                ? OfferingAccess.scopesToRead(catalogs.of(change.tenantId()), change.uri()).orElse(null) : Set.of();
        if (method == null || needed == null) {
            return;
        }
        var params = JsonFactories.BUILDERS.createObjectBuilder();
        if (change.uri() != null) {
            params.add("uri", change.uri());
        }
        String message = CallContext.notification(method, params.build());
        local.forEach((sessionKey, stream) -> {
            if (sessionKey.startsWith(prefix) && (change.uri() == null || resources.subscribed(sessionKey, change.uri())
                    && Scopes.allows(readers.getOrDefault(stream, Set.of()), needed))) {
                stream.send("message", message);
            }
        });
    }

    private ITopic<String> topic() {
        return cluster.hazelcast().getTopic(TOPIC);
    }

    @PreDestroy
    void stop() {
        keepAlive.shutdownNow();
        local.values().forEach(SseStream::close);
        resumed.values().forEach(r -> r.stream.close());
    }
}
