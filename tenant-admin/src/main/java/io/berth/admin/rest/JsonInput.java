package io.berth.admin.rest;

import io.berth.core.http.Problem;
import io.berth.core.http.Problem.FieldError;
import io.berth.core.http.ProblemException;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Strict, typed access to the fields of a JSON request object. Unknown fields and wrong types are errors (a typo in a
 * field name must not be silently ignored), and every error is collected so the caller learns all of them at once.
 */
public final class JsonInput {

    private final JsonObject object;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonInput(JsonObject object, Set<String> allowed) {
        this.object = object;
        object.keySet().stream().filter(k -> !allowed.contains(k)).sorted()
                .forEach(k -> errors.add(new FieldError(k, "unknown field; allowed fields are "
                        + allowed.stream().sorted().toList())));
    }

    public static JsonInput of(JsonObject object, Set<String> allowedFields) {
        return new JsonInput(object, allowedFields);
    }

    /** The string value of {@code name}, or {@code null} when absent or JSON null (then validation decides). */
    public String string(String name) {
        JsonValue v = object.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            errors.add(new FieldError(name, "must be a string, not " + v.getValueType().name().toLowerCase()));
            return null;
        }
        return ((JsonString) v).getString();
    }

    /** The string array {@code name}, or {@code null} when absent or JSON null. */
    public List<String> strings(String name) {
        JsonValue v = object.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof jakarta.json.JsonArray a) || a.stream().anyMatch(e -> !(e instanceof JsonString))) {
            errors.add(new FieldError(name, "must be an array of strings"));
            return null;
        }
        return a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** The boolean value of {@code name}, or {@code null} when absent or JSON null. */
    public Boolean bool(String name) {
        JsonValue v = object.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
            errors.add(new FieldError(name, "must be true or false, not " + v.getValueType().name().toLowerCase()));
            return null;
        }
        return v == JsonValue.TRUE;
    }

    /** Throws a 400 problem listing every type and unknown-field error found so far. */
    public void requireNoErrors() {
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(Problem.of("invalid-input", "Invalid input", 400,
                "The request has " + errors.size() + " invalid field(s); see errors.").withErrors(errors));
    }
}
