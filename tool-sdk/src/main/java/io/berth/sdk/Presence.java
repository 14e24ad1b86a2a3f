package io.berth.sdk;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Whether a record component must be present: required, unless its type is one of the {@code Optional}s, which hold
 * the value when present and are empty when it is absent or {@code null}.
 */
enum Presence {
    REQUIRED, OPTIONAL, OPTIONAL_INT, OPTIONAL_LONG, OPTIONAL_DOUBLE;

    static Presence of(Class<?> type) {
        if (type == Optional.class) {
            return OPTIONAL;
        }
        if (type == OptionalInt.class) {
            return OPTIONAL_INT;
        }
        if (type == OptionalLong.class) {
            return OPTIONAL_LONG;
        }
        return type == OptionalDouble.class ? OPTIONAL_DOUBLE : REQUIRED;
    }

    Object empty() {
        return switch (this) {
            case OPTIONAL -> Optional.empty();
            case OPTIONAL_INT -> OptionalInt.empty();
            case OPTIONAL_LONG -> OptionalLong.empty();
            case OPTIONAL_DOUBLE -> OptionalDouble.empty();
            case REQUIRED -> throw new IllegalStateException("a required component has no empty value");
        };
    }

    Object wrap(Object value) {
        return switch (this) {
            case OPTIONAL -> Optional.of(value);
            case OPTIONAL_INT -> OptionalInt.of((Integer) value);
            case OPTIONAL_LONG -> OptionalLong.of((Long) value);
            case OPTIONAL_DOUBLE -> OptionalDouble.of((Double) value);
            case REQUIRED -> value;
        };
    }

    /** The value a component of a result holds, null if absent; a required component must hold one. */
    Object unwrap(Object held, String path) {
        if (held == null) {
            if (this == REQUIRED) {
                throw new IllegalStateException(path + ": a required component of a result is null; make it an "
                        + "Optional if it may be absent");
            }
            throw new IllegalStateException(path + ": an Optional component of a result is null; use "
                    + "Optional.empty()");
        }
        return switch (this) {
            case OPTIONAL -> ((Optional<?>) held).orElse(null);
            case OPTIONAL_INT -> ((OptionalInt) held).isPresent() ? (Object) ((OptionalInt) held).getAsInt() : null;
            case OPTIONAL_LONG -> ((OptionalLong) held).isPresent() ? (Object) ((OptionalLong) held).getAsLong()
                    : null;
            case OPTIONAL_DOUBLE -> ((OptionalDouble) held).isPresent()
                    ? (Object) ((OptionalDouble) held).getAsDouble() : null;
            case REQUIRED -> held;
        };
    }
}
