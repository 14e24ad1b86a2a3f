package io.berth.core.plugin.worker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads a worker's stderr (the JVM's messages, stack traces of failed calls, whatever its plugins print) so the pipe
 * never fills, logs the first {@code logBytes} of it, and keeps the last lines for the report when the worker dies.
 * Lines are cut at 2 KiB and stripped of control characters, so a worker cannot forge or flood Berth's log. The
 * worker itself writes no call data there; plugin output is the tenant's, as with classloader plugins.
 */
final class StderrCapture implements Runnable {

    private static final Logger LOG = Logger.getLogger(WorkerProcess.class.getName());
    private static final int MAX_LINE = 2048;
    private static final int TAIL_LINES = 20;

    private final InputStream err;
    private final String label;
    private final int logBytes;
    private final Deque<String> tail = new ArrayDeque<>();
    private long logged;
    private boolean suppressed;
    /** Counted down when the stream has ended and every line is in the tail. */
    private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

    StderrCapture(InputStream err, String label, int logBytes) {
        this.err = err;
        this.label = label;
        this.logBytes = logBytes;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[4096];
        StringBuilder line = new StringBuilder();
        try {
            int n;
            while ((n = err.read(buffer)) > 0) {
                String chunk = new String(buffer, 0, n, StandardCharsets.UTF_8);
                for (int i = 0; i < chunk.length(); i++) {
                    char c = chunk.charAt(i);
                    if (c == '\n' || line.length() >= MAX_LINE) {
                        emit(line.toString());
                        line.setLength(0);
                    }
                    if (c != '\n') {
                        line.append(c < 0x20 && c != '\t' || c == 0x7f ? '?' : c);
                    }
                }
            }
        } catch (IOException e) {
            // the worker is gone
        }
        if (line.length() > 0) {
            emit(line.toString());
        }
        ended.countDown();
    }

    /**
     * Waits, at most {@code limitMillis}, until the worker's stderr has been read to its end: a worker that died at
     * start-up is described with its last words, not before they arrive.
     */
    void awaitEnd(long limitMillis) throws InterruptedException {
        ended.await(limitMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private synchronized void emit(String line) {
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
        if (logged + line.length() <= logBytes) {
            logged += line.length() + 1;
            LOG.info(() -> label + ": " + line);
        } else if (!suppressed) {
            suppressed = true;
            LOG.log(Level.WARNING, () -> label + ": further diagnostics of this worker are dropped ("
                    + logBytes + " bytes logged)");
        }
    }

    /** The last lines, newest last. */
    synchronized String tail() {
        return String.join("\n", tail);
    }
}
