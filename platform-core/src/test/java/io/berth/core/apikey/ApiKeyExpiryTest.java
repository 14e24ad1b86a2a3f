package io.berth.core.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

/** Every key expires unless the installation allows otherwise, and none lives beyond the maximum. */
class ApiKeyExpiryTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private final ApiKeysConfig config = ApiKeysConfig.defaults();

    @Test
    void nothingAskedIsTheDefaultLifetime() {
        assertEquals(NOW.plus(Duration.ofDays(90)), ApiKeyExpiry.DEFAULT.resolve(NOW, config));
    }

    @Test
    void daysOrAnInstantUpToTheMaximum() {
        assertEquals(NOW.plus(Duration.ofDays(365)), ApiKeyExpiry.of(365L, null, null).resolve(NOW, config));
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"),
                ApiKeyExpiry.of(null, "2027-01-01T00:00:00Z", null).resolve(NOW, config));
        assertInvalid("expiresInDays", ApiKeyExpiry.of(366L, null, null));
        assertInvalid("expiresInDays", ApiKeyExpiry.of(0L, null, null));
        assertInvalid("expiresAt", ApiKeyExpiry.of(null, "2026-11-21T09:59:59Z", null));
        assertInvalid("expiresAt", ApiKeyExpiry.of(null, "2028-01-01T00:00:00Z", null));
        assertInvalid("expiresAt", ApiKeyExpiry.of(30L, "2027-01-01T00:00:00Z", null));
        assertEquals("expiresAt", assertThrows(ApiKeyException.class,
                () -> ApiKeyExpiry.of(null, "next week", null)).field());
    }

    @Test
    void aKeyThatNeverExpiresOnlyWhereTheOperatorAllowsIt() {
        assertInvalid("neverExpires", ApiKeyExpiry.of(null, null, true));
        config.allowNonExpiring = true;
        assertNull(ApiKeyExpiry.of(null, null, true).resolve(NOW, config));
    }

    private void assertInvalid(String field, ApiKeyExpiry expiry) {
        ApiKeyException e = assertThrows(ApiKeyException.class, () -> expiry.resolve(NOW, config));
        assertEquals(ApiKeyException.Kind.INVALID, e.kind());
        assertEquals(field, e.field());
    }
}
