package io.berth.worker.wire;

/** Text that is not JSON as the worker protocol accepts it, or a value that cannot be written as JSON. */
public final class JsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
