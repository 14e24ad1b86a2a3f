package io.berth.core.apikey;

/**
 * Why an API key operation was refused. Messages are safe to show to whoever asked: they never say whether a key id
 * exists at another tenant ({@link Kind#NOT_FOUND} reads the same for both).
 */
public final class ApiKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, one HTTP status each on the REST APIs: 400, 404, 409. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String field;

    private ApiKeyException(Kind kind, String field, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The request field that was invalid, or {@code null}. */
    public String field() {
        return field;
    }

    static ApiKeyException invalid(String field, String message) {
        return new ApiKeyException(Kind.INVALID, field, message);
    }

    static ApiKeyException notFound() {
        return new ApiKeyException(Kind.NOT_FOUND, null, "The tenant has no API key with this id.");
    }

    static ApiKeyException conflict(String message) {
        return new ApiKeyException(Kind.CONFLICT, null, message);
    }
}
