package io.berth.admin.rest;

import io.berth.core.http.Problem;
import io.berth.core.http.Problem.FieldError;
import io.berth.core.http.ProblemException;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
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

    /** The boolean value of {@code name}, or {@code null} when absent or JSON null. */
    public Boolean bool(String name) {
        JsonValue v = object.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.TRUE && v.getValueType() != JsonValue.ValueType.FALSE) {
            errors.add(new FieldError(name, "must be a boolean, not " + v.getValueType().name().toLowerCase()));
            return null;
        }
        return v.getValueType() == JsonValue.ValueType.TRUE;
    }

    /** The whole-number value of {@code name} (within the range of a long), or {@code null} when absent or null. */
    public Long wholeNumber(String name) {
        JsonValue v = object.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER) {
            errors.add(new FieldError(name, "must be a number, not " + v.getValueType().name().toLowerCase()));
            return null;
        }
        try {
            return ((JsonNumber) v).bigDecimalValue().longValueExact();
        } catch (ArithmeticException e) {
            errors.add(new FieldError(name, "must be a whole number within the range of a 64-bit integer"));
            return null;
        }
    }

    /** The strings of array {@code name}, or {@code null} when absent or null; every non-string element is an error. */
    public List<String> strings(String name) {
        JsonValue v = object.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            errors.add(new FieldError(name, "must be an array of strings, not "
                    + v.getValueType().name().toLowerCase()));
            return null;
        }
        JsonArray array = (JsonArray) v;
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                errors.add(new FieldError(name + "[" + i + "]", "must be a string, not "
                        + item.getValueType().name().toLowerCase()));
            } else {
                out.add(((JsonString) item).getString());
            }
        }
        return out;
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
