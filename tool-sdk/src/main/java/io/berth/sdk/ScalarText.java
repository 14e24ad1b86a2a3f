package io.berth.sdk;

import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The scalars written as strings of a fixed syntax. Those with a JSON Schema {@code format} use it (RFC 3339
 * {@code date}, {@code date-time}, {@code time}, ISO 8601 {@code duration}, {@code uuid}, {@code uri}); local times
 * and date-times, which have no format (RFC 3339 times carry an offset), get a {@code pattern}. Zoned date-times are
 * read and written with an offset, without a region, as RFC 3339 wants.
 */
final class ScalarText {

    private static final String TIME = "\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?";
    private static final Pattern UUID_SYNTAX = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ScalarText() {
    }

    static Optional<String> format(Scalar scalar) {
        return Optional.ofNullable(switch (scalar) {
            case LOCAL_DATE -> "date";
            case INSTANT, OFFSET_DATE_TIME, ZONED_DATE_TIME -> "date-time";
            case OFFSET_TIME -> "time";
            case DURATION -> "duration";
            case UUID -> "uuid";
            case URI -> "uri";
            default -> null;
        });
    }

    static Optional<String> pattern(Scalar scalar) {
        return Optional.ofNullable(switch (scalar) {
            case LOCAL_TIME -> "^" + TIME + "$";
            case LOCAL_DATE_TIME -> "^\\d{4}-\\d{2}-\\d{2}T" + TIME + "$";
            default -> null;
        });
    }

    /** The value {@code text} stands for, or null if it is not in the scalar's syntax. */
    static Object parse(Scalar scalar, String text) {
        try {
            return switch (scalar) {
                case LOCAL_DATE -> LocalDate.parse(text);
                case LOCAL_TIME -> LocalTime.parse(text);
                case LOCAL_DATE_TIME -> LocalDateTime.parse(text);
                case OFFSET_TIME -> OffsetTime.parse(text);
                case INSTANT -> OffsetDateTime.parse(text).toInstant();
                case OFFSET_DATE_TIME -> OffsetDateTime.parse(text);
                case ZONED_DATE_TIME -> OffsetDateTime.parse(text).toZonedDateTime();
                case DURATION -> Duration.parse(text);
                case UUID -> UUID_SYNTAX.matcher(text).matches() ? UUID.fromString(text) : null;
                case URI -> absoluteUri(text);
                default -> throw new IllegalArgumentException(scalar.name());
            };
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    static String write(Scalar scalar, Object value) {
        return switch (scalar) {
            case LOCAL_DATE -> DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) value);
            case LOCAL_TIME -> DateTimeFormatter.ISO_LOCAL_TIME.format((LocalTime) value);
            case LOCAL_DATE_TIME -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format((LocalDateTime) value);
            case OFFSET_TIME -> DateTimeFormatter.ISO_OFFSET_TIME.format((OffsetTime) value);
            case INSTANT -> DateTimeFormatter.ISO_INSTANT.format((Instant) value);
            case OFFSET_DATE_TIME -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
            case ZONED_DATE_TIME -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((ZonedDateTime) value);
            default -> value.toString();
        };
    }

    private static java.net.URI absoluteUri(String text) {
        try {
            java.net.URI uri = new java.net.URI(text);
            return uri.isAbsolute() ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
