package io.berth.sdk;

/** A tool failure the model can act on: its message is returned to the caller as an error result. */
public class ToolException extends Exception {
    private static final long serialVersionUID = 1L;

    public ToolException(String message) {
        super(message);
    }

    public ToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
