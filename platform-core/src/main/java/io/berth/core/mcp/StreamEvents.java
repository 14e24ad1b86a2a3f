package io.berth.core.mcp;

import io.berth.core.cluster.ClusterMember;

import com.hazelcast.map.IMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The events of session-era SSE streams, kept for a while in the cluster so that a client whose stream broke (or was
 * closed by the server, SSE polling) can resume it from any node with {@code Last-Event-ID} (SEP-1699). Keys are
 * scoped by session, so an event id is worthless in another session. The last event of a stream is marked, so a
 * resumed stream knows when it is complete.
 */
@ApplicationScoped
class StreamEvents {

    static final String MAP = "berth.mcp-stream-events";
    static final long KEEP_SECONDS = 600;
    /** How many events one resumption replays at most; a client further behind has lost the rest. */
    static final int MAX_REPLAY = 10_000;

    /** One stored event: its sequence number in the stream, whether it ends the stream, and the JSON-RPC message. */
    record Event(long seq, boolean last, String message) {
    }

    @Inject
    ClusterMember cluster;

    void append(String sessionKey, String streamId, Event event) {
        map().set(key(sessionKey, streamId, event.seq()), (event.last() ? "1" : "0") + event.message(),
                KEEP_SECONDS, TimeUnit.SECONDS);
    }

    /** Whether this session has a stream with this id (its priming event is stored first). */
    boolean exists(String sessionKey, String streamId) {
        return map().containsKey(key(sessionKey, streamId, 0));
    }

    /** The events after {@code afterSeq}, in order, up to the first gap. */
    List<Event> after(String sessionKey, String streamId, long afterSeq) {
        List<Event> events = new ArrayList<>();
        for (long seq = afterSeq + 1; events.size() < MAX_REPLAY; seq++) {
            String stored = map().get(key(sessionKey, streamId, seq));
            if (stored == null) {
                break;
            }
            events.add(new Event(seq, stored.charAt(0) == '1', stored.substring(1)));
        }
        return events;
    }

    private static String key(String sessionKey, String streamId, long seq) {
        return sessionKey + '\n' + streamId + '\n' + seq;
    }

    private IMap<String, String> map() {
        return cluster.hazelcast().getMap(MAP);
    }
}
