package io.berth.core.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URN clients may switch on; {@code detail} helps the caller and
 * never carries stack traces, SQL, secrets or other internals.
 *
 * @param errors field-level messages for invalid input (an RFC 9457 extension member); empty when not applicable
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:berth:problem:";

    /** One invalid input field: a JSON pointer-like path and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A problem whose type is {@code urn:berth:problem:<name>}. */
    public static Problem of(String name, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + name, title, status, detail, List.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, fieldErrors);
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            b.add("detail", detail);
        }
        if (!errors.isEmpty()) {
            var list = Json.createArrayBuilder();
            errors.forEach(e -> list.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            b.add("errors", list);
        }
        return b.build();
    }

    /** Writes this problem as the whole response (for servlet filters; JAX-RS uses its own mappers). */
    public void writeTo(HttpServletResponse response) throws IOException {
        byte[] body = toJson().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
