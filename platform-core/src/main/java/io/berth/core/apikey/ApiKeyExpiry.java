package io.berth.core.apikey;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * How long a new key is asked to live: {@code inDays}, until {@code at}, {@link #never}, or (none of them) the
 * installation's default lifetime. At most one may be given, and none beyond {@code berth.api-keys.max-lifetime-days}.
 */
public record ApiKeyExpiry(Long inDays, Instant at, boolean never) {

    /** The installation's default lifetime. */
    public static final ApiKeyExpiry DEFAULT = new ApiKeyExpiry(null, null, false);

    /** From the request fields {@code expiresInDays}, {@code expiresAt} (an ISO-8601 instant) and {@code neverExpires}. */
    public static ApiKeyExpiry of(Long expiresInDays, String expiresAt, Boolean neverExpires) {
        Instant at = null;
        if (expiresAt != null) {
            try {
                at = Instant.parse(expiresAt);
            } catch (DateTimeParseException e) {
                throw ApiKeyException.invalid("expiresAt", "is an ISO-8601 instant such as 2027-01-31T00:00:00Z");
            }
        }
        return new ApiKeyExpiry(expiresInDays, at, Boolean.TRUE.equals(neverExpires));
    }

    /** When a key issued at {@code now} expires ({@code null}: never), or why it may not be issued. */
    Instant resolve(Instant now, ApiKeysConfig config) {
        int given = (inDays != null ? 1 : 0) + (at != null ? 1 : 0) + (never ? 1 : 0);
        if (given > 1) {
            throw ApiKeyException.invalid("expiresAt", "send at most one of expiresInDays, expiresAt and neverExpires");
        }
        long max = config.maxLifetimeDays();
        if (never) {
            if (!config.allowNonExpiring()) {
                throw ApiKeyException.invalid("neverExpires", "this installation issues expiring keys only"
                        + " (berth.api-keys.allow-non-expiring); ask for at most " + max + " days");
            }
            return null;
        }
        if (inDays != null) {
            if (inDays < 1 || inDays > max) {
                throw ApiKeyException.invalid("expiresInDays", "is 1 to " + max);
            }
            return now.plus(Duration.ofDays(inDays));
        }
        if (at != null) {
            if (!at.isAfter(now) || at.isAfter(now.plus(Duration.ofDays(max)))) {
                throw ApiKeyException.invalid("expiresAt", "lies in the future, at most " + max + " days from now");
            }
            return at;
        }
        return now.plus(Duration.ofDays(config.defaultLifetimeDays()));
    }
}
