package io.berth.core.mcp;

import io.berth.core.security.Secrets;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resumable side of one session-era POST response stream: its id, the numbering of its events
 * ({@code <streamId>.<seq>}, the priming event being 0), and where events go once the server has closed the HTTP
 * response (SSE polling): into the cluster's event store and to whichever node the client resumes on.
 */
final class ResumableStream {

    private static final Pattern EVENT_ID = Pattern.compile("([0-9a-f]{16})\\.(\\d{1,18})");

    /** A parsed {@code Last-Event-ID}. */
    record Position(String streamId, long seq) {
    }

    private final String sessionKey;
    private final String streamId = Secrets.randomHex(8);
    private final StreamEvents events;
    private final SessionStreams streams;
    private long seq;

    ResumableStream(String sessionKey, StreamEvents events, SessionStreams streams) {
        this.sessionKey = sessionKey;
        this.events = events;
        this.streams = streams;
    }

    static Optional<Position> parse(String lastEventId) {
        if (lastEventId == null) {
            return Optional.empty();
        }
        Matcher m = EVENT_ID.matcher(lastEventId.strip());
        return m.matches() ? Optional.of(new Position(m.group(1), Long.parseLong(m.group(2)))) : Optional.empty();
    }

    /** The priming event's id; storing it marks the stream as existing for resumption. */
    synchronized String prime() {
        events.append(sessionKey, streamId, new StreamEvents.Event(0, false, ""));
        return streamId + ".0";
    }

    /** Stores the next event and returns its id. */
    synchronized String record(String message, boolean last) {
        long next = ++seq;
        events.append(sessionKey, streamId, new StreamEvents.Event(next, last, message));
        return streamId + '.' + next;
    }

    /** After the HTTP response is gone: store the event and hand it to a resumed stream, wherever it is. */
    synchronized void forward(String message, boolean last) {
        long next = ++seq;
        events.append(sessionKey, streamId, new StreamEvents.Event(next, last, message));
        streams.deliverResumed(sessionKey, streamId, new StreamEvents.Event(next, last, message));
    }
}
