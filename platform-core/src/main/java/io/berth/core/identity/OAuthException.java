package io.berth.core.identity;

import io.berth.core.json.JsonFactories;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Objects;

/**
 * A refused token or revocation request. The HTTP layer answers {@link #status()} with {@link #json()} as
 * {@code application/json}, {@code Cache-Control: no-store}, and for {@code invalid_client} after HTTP Basic a
 * {@code WWW-Authenticate: Basic realm="berth"}. The description is safe to show: it never repeats a credential.
 */
public final class OAuthException extends Exception {

    private static final long serialVersionUID = 1L;

    private final OAuthError error;

    public OAuthException(OAuthError error, String description) {
        super(Objects.requireNonNull(description, "description"), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    public OAuthError error() {
        return error;
    }

    public int status() {
        return error.status();
    }

    public String description() {
        return getMessage();
    }

    /** The RFC 6749 §5.2 error response body. */
    public JsonObject json() {
        JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder().add("error", error.code());
        return b.add("error_description", getMessage()).build();
    }

    @Override
    public String toString() {
        return "OAuthException[" + error.code() + ": " + getMessage() + "]";
    }
}
