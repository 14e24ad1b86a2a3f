package io.berth.sdk;

import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.berth.sdk.Shape.Kind;

/**
 * The JSON Schema keywords of the constraints on one value. Several constraints on the same bound combine to the
 * strictest ({@code @Min(1) @Positive} is {@code minimum: 1}). {@code @Pattern} is anchored, as Jakarta Validation
 * matches the whole value and JSON Schema searches; one with flags has no keyword (JSON Schema has none for them).
 */
final class Keywords {

    /** A lower or upper bound of a number. */
    private record Bound(BigDecimal value, boolean exclusive) {
    }

    private final Kind kind;
    private int minSize;
    private int maxSize = Integer.MAX_VALUE;
    private Bound lower;
    private Bound upper;
    private final List<String> patterns = new ArrayList<>();
    private boolean email;
    private Boolean constant;

    Keywords(Kind kind) {
        this.kind = kind;
    }

    void add(Annotation a) {
        if (a instanceof NotBlank || a instanceof NotEmpty) {
            minSize = Math.max(minSize, 1);
        } else if (a instanceof Size s) {
            minSize = Math.max(minSize, s.min());
            maxSize = Math.min(maxSize, s.max());
        } else if (a instanceof Min m) {
            lower(new Bound(BigDecimal.valueOf(m.value()), false));
        } else if (a instanceof Max m) {
            upper(new Bound(BigDecimal.valueOf(m.value()), false));
        } else if (a instanceof DecimalMin d) {
            lower(new Bound(decimal(d.value(), "@DecimalMin"), !d.inclusive()));
        } else if (a instanceof DecimalMax d) {
            upper(new Bound(decimal(d.value(), "@DecimalMax"), !d.inclusive()));
        } else if (a instanceof Positive || a instanceof PositiveOrZero) {
            lower(new Bound(BigDecimal.ZERO, a instanceof Positive));
        } else if (a instanceof Negative || a instanceof NegativeOrZero) {
            upper(new Bound(BigDecimal.ZERO, a instanceof Negative));
        } else if (a instanceof Pattern p && p.flags().length == 0) {
            patterns.add("^(?:" + p.regexp() + ")$");
        } else if (a instanceof Email) {
            email = true;
        } else if (a instanceof AssertTrue || a instanceof AssertFalse) {
            constant = a instanceof AssertTrue;
        }
    }

    void writeTo(Map<String, Object> schema) {
        String[] size = switch (kind) {
            case STRING -> new String[] {"minLength", "maxLength"};
            case ARRAY -> new String[] {"minItems", "maxItems"};
            case MAP -> new String[] {"minProperties", "maxProperties"};
            default -> null;
        };
        if (size != null && minSize > 0) {
            schema.put(size[0], minSize);
        }
        if (size != null && maxSize < Integer.MAX_VALUE) {
            schema.put(size[1], maxSize);
        }
        if (lower != null) {
            schema.put(lower.exclusive() ? "exclusiveMinimum" : "minimum", number(lower.value()));
        }
        if (upper != null) {
            schema.put(upper.exclusive() ? "exclusiveMaximum" : "maximum", number(upper.value()));
        }
        if (email) {
            schema.put("format", "email");
        }
        if (patterns.size() == 1) {
            schema.put("pattern", patterns.get(0));
        } else if (patterns.size() > 1) {
            schema.put("allOf", patterns.stream().map(p -> (Object) patternSchema(p)).toList());
        }
        if (constant != null) {
            schema.put("const", constant);
        }
    }

    private void lower(Bound bound) {
        int c = lower == null ? 1 : bound.value().compareTo(lower.value());
        if (c > 0 || c == 0 && bound.exclusive()) {
            lower = bound;
        }
    }

    private void upper(Bound bound) {
        int c = upper == null ? -1 : bound.value().compareTo(upper.value());
        if (c < 0 || c == 0 && bound.exclusive()) {
            upper = bound;
        }
    }

    private static Map<String, Object> patternSchema(String pattern) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("pattern", pattern);
        return schema;
    }

    private static BigDecimal decimal(String value, String constraint) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(constraint + " needs a decimal number, not \"" + value + "\"", e);
        }
    }

    /** A whole number as a {@code Long}, so that schemas read {@code 1}, not {@code 1.0}; others as they are. */
    private static Number number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
            return stripped.longValueExact();
        }
        return value;
    }
}
