package io.berth.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void randomIsUnpaddedBase64UrlOfTheRequestedLength() {
        String secret = Secrets.random(32);
        assertEquals(43, secret.length());
        assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret);
    }

    @Test
    void randomDiffersOnEveryCall() {
        assertNotEquals(Secrets.random(32), Secrets.random(32));
    }

    @Test
    void randomHexIsLowerCaseHexOfTwiceTheByteCount() {
        String id = Secrets.randomHex(8);
        assertTrue(id.matches("[0-9a-f]{16}"), id);
        assertNotEquals(id, Secrets.randomHex(8));
    }

    @Test
    void sha256MatchesTheStandardTestVectors() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.sha256("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Secrets.sha256(""));
    }

    @Test
    void constantTimeEqualsComparesWholeValues() {
        assertTrue(Secrets.constantTimeEquals("s3cret", "s3cret"));
        assertFalse(Secrets.constantTimeEquals("s3cret", "s3creT"));
        assertFalse(Secrets.constantTimeEquals("s3cret", "s3cret2"));
        assertFalse(Secrets.constantTimeEquals("", "s3cret"));
    }

    @Test
    void constantTimeEqualsIsFalseWhenEitherSideIsNull() {
        assertFalse(Secrets.constantTimeEquals(null, "s3cret"));
        assertFalse(Secrets.constantTimeEquals("s3cret", null));
        assertFalse(Secrets.constantTimeEquals(null, null));
    }
}
