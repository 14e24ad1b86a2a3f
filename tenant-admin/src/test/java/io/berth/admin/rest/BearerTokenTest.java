package io.berth.admin.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokenTest {

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc", "bearer abc", "BEARER  abc ", "bEaReR abc\t"})
    void extractsTheTokenWhateverTheSchemeCase(String header) {
        assertEquals("abc", BearerToken.from(header));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Basic abc", "Bearer", "Bearer ", "Bearer    ", "Bearerabc", "Token abc", " Bearer abc"})
    void givesNothingForAnythingButABearerCredential(String header) {
        assertNull(BearerToken.from(header));
    }
}
