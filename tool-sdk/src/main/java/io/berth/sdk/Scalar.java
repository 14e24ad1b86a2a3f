package io.berth.sdk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON scalars: strings, booleans, integers and numbers, and strings of a fixed syntax (dates, UUIDs, URIs). */
enum Scalar implements Shape {
    STRING(Kind.STRING, "string", "a string", String.class),
    BOOLEAN(Kind.BOOLEAN, "boolean", "true or false", Boolean.class, boolean.class),
    BYTE(Kind.INTEGER, "integer", "an integer", Byte.class, byte.class),
    SHORT(Kind.INTEGER, "integer", "an integer", Short.class, short.class),
    INT(Kind.INTEGER, "integer", "an integer", Integer.class, int.class),
    LONG(Kind.INTEGER, "integer", "an integer", Long.class, long.class),
    BIG_INTEGER(Kind.INTEGER, "integer", "an integer", BigInteger.class),
    FLOAT(Kind.NUMBER, "number", "a number", Float.class, float.class),
    DOUBLE(Kind.NUMBER, "number", "a number", Double.class, double.class),
    BIG_DECIMAL(Kind.NUMBER, "number", "a number", BigDecimal.class),
    LOCAL_DATE(Kind.TEMPORAL, "string", "a date such as 2026-03-31", java.time.LocalDate.class),
    LOCAL_TIME(Kind.TEMPORAL, "string", "a time such as 14:30:00", java.time.LocalTime.class),
    LOCAL_DATE_TIME(Kind.TEMPORAL, "string", "a date and time without offset such as 2026-03-31T14:30:00",
            java.time.LocalDateTime.class),
    OFFSET_TIME(Kind.TEMPORAL, "string", "a time with offset such as 14:30:00+02:00", java.time.OffsetTime.class),
    INSTANT(Kind.TEMPORAL, "string", "a date and time with offset such as 2026-03-31T14:30:00Z",
            java.time.Instant.class),
    OFFSET_DATE_TIME(Kind.TEMPORAL, "string", "a date and time with offset such as 2026-03-31T14:30:00+02:00",
            java.time.OffsetDateTime.class),
    ZONED_DATE_TIME(Kind.TEMPORAL, "string", "a date and time with offset such as 2026-03-31T14:30:00+02:00",
            java.time.ZonedDateTime.class),
    DURATION(Kind.TEXT, "string", "an ISO 8601 duration such as PT15M or P2DT3H", java.time.Duration.class),
    UUID(Kind.TEXT, "string", "a UUID such as 123e4567-e89b-12d3-a456-426614174000", java.util.UUID.class),
    URI(Kind.TEXT, "string", "an absolute URI such as https://example.com/a", java.net.URI.class);

    private final Kind kind;
    private final String type;
    private final String expected;
    private final List<Class<?>> classes;

    Scalar(Kind kind, String type, String expected, Class<?>... classes) {
        this.kind = kind;
        this.type = type;
        this.expected = expected;
        this.classes = List.of(classes);
    }

    /** The scalar a Java class is, if it is one. */
    static Optional<Scalar> of(Class<?> type) {
        for (Scalar scalar : values()) {
            if (scalar.classes.contains(type)) {
                return Optional.of(scalar);
            }
        }
        return Optional.empty();
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public Map<String, Object> schema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        ScalarText.format(this).ifPresent(format -> schema.put("format", format));
        ScalarText.pattern(this).ifPresent(pattern -> schema.put("pattern", pattern));
        return schema;
    }

    @Override
    public String expected() {
        return expected;
    }

    @Override
    public Object bind(Object json, String path, Binding binding) {
        if (json instanceof Number n && (kind == Kind.INTEGER || kind == Kind.NUMBER)) {
            return ScalarNumbers.bind(this, n, path, binding);
        }
        Object value = switch (kind) {
            case STRING -> json instanceof String ? json : null;
            case BOOLEAN -> json instanceof Boolean ? json : null;
            case INTEGER, NUMBER -> null;
            default -> json instanceof String s ? ScalarText.parse(this, s) : null;
        };
        if (value == null) {
            binding.mismatch(path, this, json);
        }
        return value;
    }

    @Override
    public Object write(Object value, String path) {
        return switch (kind) {
            case STRING, BOOLEAN -> value;
            case INTEGER, NUMBER -> ScalarNumbers.write(this, (Number) value, path);
            default -> ScalarText.write(this, value);
        };
    }
}
