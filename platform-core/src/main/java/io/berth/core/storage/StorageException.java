package io.berth.core.storage;

/** A database failure. Its message names the operation, never the SQL or the values bound to it. */
public final class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String operation, Throwable cause) {
        super("Database operation failed: " + operation, cause);
    }
}
