package io.berth.core.mcp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link MessageSink} that keeps what it was given. */
final class RecordingSink implements MessageSink {

    final List<String> sent = new CopyOnWriteArrayList<>();
    final List<String> finished = new CopyOnWriteArrayList<>();

    @Override
    public void send(String message) {
        sent.add(message);
    }

    @Override
    public void finish(String message) {
        finished.add(message);
    }
}
