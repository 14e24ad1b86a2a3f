package io.berth.core.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals bytes for a round trip through an untrusted party: AES-256-GCM with a random 96-bit IV, so the holder can
 * neither read nor alter them. The token is {@code kid.base64url(iv|ciphertext|tag)}; the key id and a caller-chosen
 * context string are authenticated as associated data, so a token sealed for one purpose does not open for another.
 */
@ApplicationScoped
public class Sealer {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Far above any token a request body (at most a few MiB) can carry; refuses absurd input before decoding. */
    static final int MAX_TOKEN_CHARS = 8 * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SealingKeys keys;

    public String seal(String context, byte[] plaintext) {
        SealingKeys.Key key = keys.current();
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, context);
            byte[] sealed = new byte[IV_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(iv, 0, sealed, 0, IV_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, IV_BYTES);
            return key.kid() + '.' + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The plaintext, or empty when the token is malformed, sealed by an unknown key, for another context, or altered. */
    public Optional<byte[]> open(String context, String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        Optional<SealingKeys.Key> key = keys.find(token.substring(0, dot));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            String body = token.substring(dot + 1);
            byte[] sealed = Base64.getUrlDecoder().decode(body);
            // One spelling per token: the decoder tolerates padding and stray low bits, which would let a client
            // present an altered token that opens to the same state.
            if (!Base64.getUrlEncoder().withoutPadding().encodeToString(sealed).equals(body)) {
                return Optional.empty();
            }
            if (sealed.length < IV_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            byte[] iv = java.util.Arrays.copyOf(sealed, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key.get(), iv, context);
            return Optional.of(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty(); // not base64url, or authentication failed
        }
    }

    private static Cipher cipher(int mode, SealingKeys.Key key, byte[] iv, String context)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key.secret(), "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD((key.kid() + '\n' + context).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
