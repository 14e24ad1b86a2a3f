package io.berth.sdk;

/**
 * A write to the {@link DataStore} was refused because it would take the tenant over its quota (total bytes or number
 * of entries), or a value is larger than Berth stores. Nothing was written. Its message says which limit and may be
 * shown to the model as it is.
 */
public class QuotaExceededException extends ToolException {
    private static final long serialVersionUID = 1L;

    public QuotaExceededException(String message) {
        super(message);
    }
}
