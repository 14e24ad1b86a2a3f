package io.berth.core.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens that passed the signature and claim checks, keyed by the SHA-256 of the token (the token itself is never
 * kept), until they expire. Bounded: when full, expired entries go first, then everything. Revocation is not cached
 * here: the verifier checks it on every call.
 */
final class VerifiedTokenCache {

    /** The 256-bit digest as four longs: a small key with cheap equals and hashCode. */
    record Digest(long a, long b, long c, long d) {
    }

    record Entry(VerifiedToken token, long notAfterMillis) {
    }

    private static final ThreadLocal<Hasher> HASHERS = ThreadLocal.withInitial(Hasher::new);

    private final Map<Digest, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;

    VerifiedTokenCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The digest of an ASCII token (the caller has checked its length and characters). */
    static Digest digest(String token) {
        return HASHERS.get().digest(token);
    }

    Entry get(Digest digest) {
        return entries.get(digest);
    }

    void put(Digest digest, Entry entry, long nowMillis) {
        if (maxEntries <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> e.notAfterMillis() <= nowMillis);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(digest, entry);
    }

    void remove(Digest digest) {
        entries.remove(digest);
    }

    /** Forgets the tokens a tenant's IdPs issued (after a change of the tenant's trust). */
    void forgetIdpTokens(String tenant) {
        entries.values().removeIf(e -> !e.token().berthIssued() && e.token().tenant().equals(tenant));
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    /** One per thread: a digest and a byte buffer reused across calls, so hashing allocates only the key. */
    private static final class Hasher {
        private final MessageDigest sha256;
        private final byte[] ascii = new byte[BearerHeader.MAX_TOKEN_CHARS];
        private final byte[] out = new byte[32];

        Hasher() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
        }

        Digest digest(String token) {
            int n = token.length();
            for (int i = 0; i < n; i++) {
                ascii[i] = (byte) token.charAt(i);
            }
            sha256.update(ascii, 0, n);
            try {
                sha256.digest(out, 0, 32);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException(e);
            }
            return new Digest(longAt(0), longAt(8), longAt(16), longAt(24));
        }

        private long longAt(int i) {
            long v = 0;
            for (int k = 0; k < 8; k++) {
                v = (v << 8) | (out[i + k] & 0xFF);
            }
            return v;
        }
    }
}
