package io.berth.core.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AES-GCM sealing: whatever a holder does to a token, it opens to the original bytes or not at all. */
class SealerTest {

    private static final String CONTEXT = "test/v1";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private Jdbc jdbc;
    private SealingKeys keys;
    private Sealer sealer;

    @BeforeEach
    void sealer() {
        jdbc = MigratedH2.create();
        keys = TestSealing.loadedKeys(jdbc);
        sealer = TestSealing.sealer(keys);
    }

    @AfterEach
    void dropDatabase() {
        MigratedH2.shutdown(jdbc);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Optional<byte[]> open(String token) {
        return sealer.open(CONTEXT, token);
    }

    private static String body(String token) {
        return token.substring(token.indexOf('.') + 1);
    }

    private static String kid(String token) {
        return token.substring(0, token.indexOf('.'));
    }

    @Test
    void opensWhatItSealed() {
        for (String text : new String[] {"", "x", "{\"a\":1}", "ü東京", "y".repeat(10_000)}) {
            assertArrayEquals(bytes(text), open(sealer.seal(CONTEXT, bytes(text))).orElseThrow(), text);
        }
    }

    @Test
    void aTokenIsTheKidAndUnpaddedBase64UrlOfIvCiphertextAndTag() {
        String token = sealer.seal(CONTEXT, bytes("hello"));
        assertEquals(keys.current().kid(), kid(token));
        assertTrue(body(token).matches("[A-Za-z0-9_-]+"), token);
        assertEquals(12 + 5 + 16, Base64.getUrlDecoder().decode(body(token)).length);
    }

    @Test
    void everySealUsesAFreshIv() {
        String a = sealer.seal(CONTEXT, bytes("same"));
        String b = sealer.seal(CONTEXT, bytes("same"));
        assertNotEquals(a, b);
        assertNotEquals(body(a).substring(0, 16), body(b).substring(0, 16));
    }

    @Test
    void anyFlippedBitOfIvCiphertextOrTagIsRefused() {
        String token = sealer.seal(CONTEXT, bytes("{\"answer\":42}"));
        byte[] sealed = Base64.getUrlDecoder().decode(body(token));
        for (int i = 0; i < sealed.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] altered = sealed.clone();
                altered[i] ^= (byte) (1 << bit);
                String forged = kid(token) + '.' + Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
                assertEquals(Optional.empty(), open(forged), "byte " + i + " bit " + bit);
            }
        }
    }

    @Test
    void anyReplacedCharacterIsRefusedWhenTheBodyHasNoSpareBits() {
        // 12 + 5 + 16 = 33 bytes: a multiple of 3, so every character of the body carries only data bits.
        String token = sealer.seal(CONTEXT, bytes("hello"));
        for (int i = 0; i < token.length(); i++) {
            for (char c : (ALPHABET + ".=+/ ").toCharArray()) {
                if (c == token.charAt(i)) {
                    continue;
                }
                String forged = token.substring(0, i) + c + token.substring(i + 1);
                assertEquals(Optional.empty(), open(forged), "position " + i + " -> " + c);
            }
        }
    }

    @Test
    void truncatedOrExtendedTokensAreRefused() {
        String token = sealer.seal(CONTEXT, bytes("hello"));
        for (int len = 0; len < token.length(); len++) {
            assertEquals(Optional.empty(), open(token.substring(0, len)), "first " + len + " chars");
        }
        assertEquals(Optional.empty(), open(token + "A"));
        assertEquals(Optional.empty(), open(token + "AAAA"));
    }

    @Test
    void anyReplacedCharacterIsRefusedAlsoWhenTheBodyHasSpareBits() {
        // 12 + 4 + 16 = 32 bytes: the last of 43 characters holds 2 data bits and 4 spare bits.
        String token = sealer.seal(CONTEXT, bytes("hell"));
        String b = body(token);
        int last = ALPHABET.indexOf(b.charAt(b.length() - 1));
        char sameDataBits = ALPHABET.charAt(last ^ 0b0001);
        assertEquals(Optional.empty(), open(token.substring(0, token.length() - 1) + sameDataBits));
        assertEquals(Optional.empty(), open(token + "=="));
    }

    @Test
    void aTokenSealedForAnotherContextIsRefused() {
        String token = sealer.seal("mcp-request-state/v1", bytes("x"));
        assertEquals(Optional.empty(), open(token));
        assertEquals(Optional.empty(), sealer.open("mcp-request-state/v2", token));
        assertEquals(Optional.empty(), sealer.open("", token));
        assertTrue(sealer.open("mcp-request-state/v1", token).isPresent());
    }

    @Test
    void contextsThatShareAPrefixDoNotOpenEachOther() {
        String token = sealer.seal("a\nb", bytes("x"));
        assertEquals(Optional.empty(), sealer.open("a", token));
        assertEquals(Optional.empty(), sealer.open("a\nb\n", token));
    }

    @Test
    void anUnknownKidIsRefused() {
        String token = sealer.seal(CONTEXT, bytes("x"));
        assertEquals(Optional.empty(), open("0123456789abcdef." + body(token)));
        assertEquals(Optional.empty(), open("other." + body(token)));
        assertEquals(Optional.empty(), open(kid(token).toUpperCase(java.util.Locale.ROOT) + '.' + body(token)));
    }

    @Test
    void theBodyOfOneKeyDoesNotOpenUnderAnother() {
        String token = sealer.seal(CONTEXT, bytes("x"));
        SealingKeys.Key newer = keys.rotate();
        assertEquals(Optional.empty(), open(newer.kid() + '.' + body(token)));
    }

    @Test
    void aTokenFromAKeyAnotherNodeAddedAfterLoadOpens() {
        String loaded = keys.current().kid();
        SealingKeys otherNode = TestSealing.loadedKeys(jdbc);
        otherNode.rotate();
        String token = TestSealing.sealer(otherNode).seal(CONTEXT, bytes("from b"));
        assertNotEquals(loaded, kid(token));

        assertArrayEquals(bytes("from b"), open(token).orElseThrow());
    }

    @Test
    void afterRotationNewTokensUseTheNewKidAndOldTokensStillOpen() {
        String before = sealer.seal(CONTEXT, bytes("old"));
        SealingKeys.Key newer = keys.rotate();
        String after = sealer.seal(CONTEXT, bytes("new"));

        assertEquals(newer.kid(), kid(after));
        assertNotEquals(kid(before), kid(after));
        assertArrayEquals(bytes("old"), open(before).orElseThrow());
        assertArrayEquals(bytes("new"), open(after).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "no-dot-at-all", ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "kid.",
            "0123456789abcdef.", "0123456789abcdef.@@@@", "0123456789abcdef.AAAA.AAAA", "\u0000.\u0000"})
    void malformedTokensAreEmpty(String token) {
        assertEquals(Optional.empty(), open(token));
    }

    @Test
    void malformedBodiesUnderTheCurrentKidAreEmpty() {
        String kid = keys.current().kid();
        String tooShort = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[27]);
        String noTag = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[28]);
        for (String b : new String[] {"", "A", "AB", "@@@@", "a+b/", tooShort, noTag, "AAAA====", "A".repeat(10_001)}) {
            assertEquals(Optional.empty(), open(kid + '.' + b), b.length() > 40 ? b.length() + " chars" : b);
        }
    }

    @Test
    void hugeTokensAreEmpty() {
        assertEquals(Optional.empty(), open(keys.current().kid() + '.' + "A".repeat(1 << 20)));
        assertEquals(Optional.empty(), open("x".repeat(1 << 20)));
    }
}
