package io.berth.core.plugin.worker;

import io.berth.sdk.QuotaExceededException;
import io.berth.sdk.ToolException;
import io.berth.worker.wire.Fields;
import io.berth.worker.wire.JsonException;
import io.berth.worker.wire.Rpc;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One request to a worker, from the thread that makes it. The reader thread only queues what arrives for the call;
 * this thread takes it in order: the worker's {@code context/*} requests are served here, on the caller's own thread
 * and with its context, and the answer ends the call.
 *
 * <p>Stopping: when the host's context says the client cancelled, the worker hears {@code cancel} and the call goes
 * on until the plugin answers. When this thread is interrupted (the plugin-call time-out) or the call's own deadline
 * passes, the worker hears {@code cancel} too, and if no answer comes within the grace the whole worker is killed:
 * plugin code that ignores interruption cannot keep running after its call was given up.
 */
final class WorkerCall {

    private static final Logger LOG = Logger.getLogger(WorkerCall.class.getName());
    private static final long POLL_MILLIS = 50;
    private static final int MAX_MESSAGE_CHARS = 4096;
    private static final Map<String, Object> DIED = Map.of();
    /** Messages a call may have waiting; a worker that sends more than its caller takes is flooding the host. */
    private static final int INBOX_CAPACITY = 4096;

    private final WorkerProcess worker;
    private final long id;
    private final CallScope scope;
    private final BlockingQueue<Map<String, Object>> inbox = new LinkedBlockingQueue<>(INBOX_CAPACITY);

    WorkerCall(WorkerProcess worker, long id, CallScope scope) {
        this.worker = worker;
        this.id = id;
        this.scope = scope;
    }

    long id() {
        return id;
    }

    /** False when the call's inbox is full. */
    boolean deliver(Map<String, Object> message) {
        return inbox.offer(message);
    }

    void died() {
        inbox.clear();
        inbox.offer(DIED);
    }

    Object run(String method, Map<String, Object> params) throws Exception {
        try {
            worker.send(Rpc.request(id, method, params));
        } catch (IOException e) {
            throw worker.crashed();
        }
        long deadline = scope.limit() == null ? Long.MAX_VALUE : System.nanoTime() + scope.limit().toNanos();
        boolean cancelSent = false;
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                stop("ran past its deadline");
                throw new WorkerCallException(WorkerCallException.Reason.TIMEOUT, "The plugin did not finish within "
                        + scope.limit().toMillis() + " ms.");
            }
            Map<String, Object> m;
            try {
                m = inbox.poll(Math.min(left, POLL_MILLIS), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                stop("was given up by its caller");
                throw e;
            }
            if (m == null) {
                if (!cancelSent && scope.context() != null && scope.context().cancelled()) {
                    worker.cancel(id);
                    cancelSent = true;
                }
            } else if (m == DIED) {
                throw worker.crashed();
            } else if (m.containsKey("method")) {
                serve(m);
            } else {
                return outcome(m);
            }
        }
    }

    /** Cancel, then kill the worker if the call does not end within the grace. */
    private void stop(String why) {
        worker.cancel(id);
        long until = System.nanoTime() + worker.settings().cancelGrace().toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    worker.kill("a call " + why + " and did not stop within "
                            + worker.settings().cancelGrace().toMillis() + " ms");
                    return;
                }
                Map<String, Object> m;
                try {
                    m = inbox.poll(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                    continue;
                }
                if (m == DIED || m != null && !m.containsKey("method")) {
                    return;
                }
                if (m != null && m.get("id") != null) {
                    worker.sendQuietly(Rpc.error(m.get("id"), Rpc.CANCELLED, "The call was cancelled"));
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Object outcome(Map<String, Object> m) throws ToolException {
        Map<String, Object> error;
        try {
            error = Fields.optObject(m, "error");
            if (error == null) {
                return m.get("result");
            }
            int code = (int) Fields.integer(error, "code");
            String message = Fields.string(error, "message");
            message = message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS) : message;
            switch (code) {
                case Rpc.REFUSED -> throw new ToolException(message);
                case Rpc.QUOTA_EXCEEDED -> throw new QuotaExceededException(message);
                case Rpc.CANCELLED -> throw new ToolException("The call was cancelled.");
                case Rpc.BUSY -> throw new WorkerCallException(WorkerCallException.Reason.BUSY,
                        "Too many calls of this tenant are running; retry shortly.");
                case Rpc.FAILED -> throw new WorkerCallException(WorkerCallException.Reason.FAILED,
                        "The plugin failed unexpectedly.");
                default -> throw new WorkerCallException(WorkerCallException.Reason.PROTOCOL,
                        "The plugin's worker refused the request: " + message);
            }
        } catch (JsonException e) {
            throw new WorkerCallException(WorkerCallException.Reason.PROTOCOL, "The plugin's worker sent a malformed "
                    + "answer.");
        }
    }

    /** A {@code context/*} message of the worker: served from the host's context; answered if it has an id. */
    private void serve(Map<String, Object> m) {
        String method = (String) m.get("method");
        Object requestId = m.get("id");
        String capability = method.substring(Rpc.CONTEXT_PREFIX.length());
        Map<String, Object> answer;
        if (scope.context() == null) {
            answer = Rpc.error(requestId, Rpc.METHOD_NOT_FOUND, "This call has no context");
        } else {
            try {
                Object result = scope.bridge().serve(capability, scope.context(), Fields.object(m, "params"));
                answer = Rpc.result(requestId, result);
            } catch (ToolException e) {
                answer = Rpc.error(requestId, e instanceof QuotaExceededException ? Rpc.QUOTA_EXCEEDED : Rpc.REFUSED,
                        e.getMessage() == null ? "Refused" : e.getMessage());
            } catch (JsonException e) {
                answer = Rpc.error(requestId, Rpc.INVALID_PARAMS, e.getMessage());
            } catch (ContextBridge.UnknownCapability e) {
                answer = Rpc.error(requestId, Rpc.METHOD_NOT_FOUND, e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, worker.label() + ": the host could not serve " + capability, e);
                answer = Rpc.error(requestId, Rpc.INTERNAL_ERROR, "The host could not serve " + capability);
            }
        }
        if (requestId != null) {
            worker.answerQuietly(requestId, answer);
        }
    }
}
