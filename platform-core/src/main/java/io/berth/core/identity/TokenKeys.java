package io.berth.core.identity;

import io.berth.core.json.JsonFactories;
import io.berth.core.security.Sealer;
import io.berth.core.security.Secrets;
import io.berth.core.storage.Jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The ES256 (P-256) keys Berth's authorization server signs access tokens with: one set per installation, shared by
 * every tenant's issuer (docs/adr/0006-identity.md). Private keys are stored sealed ({@link Sealer}); every node loads
 * them from the database.
 *
 * <p>Rotation adds a key that signs from now on and retires the others: a retired key still verifies, and stays in
 * every tenant's JWKS, until every token it can have signed has expired ({@link IdentityConfig#keyRetentionSeconds()}:
 * token lifetime + clock skew + the reload interval in which another node may still sign with it); then it is dropped.
 * A node reloads the keys every {@code berth.identity.key-reload-seconds} when it signs, and when it meets an unknown
 * kid (at most once a second).
 */
@ApplicationScoped
public class TokenKeys {

    static final String SEAL_CONTEXT = "berth.identity.token-signing-key";
    static final String ALGORITHM = "ES256";
    private static final Logger LOG = Logger.getLogger(TokenKeys.class.getName());
    private static final long UNKNOWN_KID_RELOAD_NANOS = 1_000_000_000L;

    /** The key new tokens are signed with. */
    record SigningKey(String kid, PrivateKey privateKey) {
    }

    /** A public key that verifies; {@code retiredAt} is null while it signs. */
    record VerificationKey(String kid, PublicKey publicKey, Instant createdAt, Instant retiredAt) {
    }

    /** The signing key first, then the retired ones, latest retired first. */
    private static final java.util.Comparator<VerificationKey> NEWEST_FIRST = java.util.Comparator
            .comparing((VerificationKey k) -> k.retiredAt() == null ? Instant.MAX : k.retiredAt())
            .thenComparing(VerificationKey::createdAt).thenComparing(VerificationKey::kid).reversed();

    @Inject
    Jdbc jdbc;

    @Inject
    Sealer sealer;

    @Inject
    IdentityConfig config;

    Clock clock = Clock.systemUTC();

    private volatile Map<String, VerificationKey> byKid = Map.of();
    private volatile SigningKey signing;
    private volatile long loadedAtNanos;
    private volatile long lastUnknownReload = System.nanoTime() - UNKNOWN_KID_RELOAD_NANOS - 1;

    /** Loads the keys, creating the first one on an empty installation. Call once at start-up, after the sealing keys. */
    public void load() {
        if (!reload()) {
            rotate();
        }
    }

    /** Adds a key that signs from now on (here at once, elsewhere at the next reload); returns its kid. */
    public String rotate() {
        KeyPair pair = generate();
        String kid = Secrets.randomHex(8);
        Instant now = clock.instant();
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        String sealed = sealer.seal(SEAL_CONTEXT, pair.getPrivate().getEncoded());
        jdbc.inTransaction("rotate token signing key", c -> {
            Jdbc.update(c, "update token_signing_keys set retired_at = ? where retired_at is null", now);
            return Jdbc.update(c, "insert into token_signing_keys (kid, algorithm, public_key, private_key, created_at)"
                    + " values (?, ?, ?, ?, ?)", kid, ALGORITHM, publicKey, sealed, now);
        });
        LOG.info(() -> "Added token signing key " + kid);
        reload();
        signing = new SigningKey(kid, pair.getPrivate());
        return kid;
    }

    /** The signing key, reloaded when this node has not looked for {@code key-reload-seconds}. */
    SigningKey signing() {
        if (signing == null || System.nanoTime() - loadedAtNanos > config.keyReloadSeconds() * 1_000_000_000L) {
            reload();
        }
        SigningKey key = signing;
        if (key == null) {
            throw new IllegalStateException("token signing keys are not loaded");
        }
        return key;
    }

    /** The public key with this kid while it may verify; an unknown kid reloads first (at most once a second). */
    Optional<PublicKey> find(String kid) {
        VerificationKey key = byKid.get(kid);
        if (key == null && kid != null && kid.length() == 16 && isHex(kid)) {
            long now = System.nanoTime();
            if (now - lastUnknownReload > UNKNOWN_KID_RELOAD_NANOS) {
                lastUnknownReload = now;
                reload();
                key = byKid.get(kid);
            }
        }
        if (key == null || !published(key, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(key.publicKey());
    }

    /** The JWKS document (RFC 7517) every tenant's {@code jwks_uri} serves: the keys that may still verify. */
    public JsonObject jwks() {
        Instant now = clock.instant();
        JsonArrayBuilder keys = JsonFactories.BUILDERS.createArrayBuilder();
        byKid.values().stream().filter(k -> published(k, now)).sorted(NEWEST_FIRST).forEach(k -> keys.add(jwk(k)));
        return JsonFactories.BUILDERS.createObjectBuilder().add("keys", keys).build();
    }

    /** The kids of the keys that may still verify, newest first. */
    public List<String> kids() {
        Instant now = clock.instant();
        return byKid.values().stream().filter(k -> published(k, now)).sorted(NEWEST_FIRST)
                .map(VerificationKey::kid).toList();
    }

    private boolean published(VerificationKey key, Instant now) {
        return key.retiredAt() == null
                || now.isBefore(key.retiredAt().plusSeconds(config.keyRetentionSeconds()));
    }

    /** Drops keys past their retention, then loads the rest; false when there is none. */
    private synchronized boolean reload() {
        Instant now = clock.instant();
        jdbc.update("drop expired token signing keys", "delete from token_signing_keys where retired_at < ?",
                now.minusSeconds(config.keyRetentionSeconds()));
        List<Stored> rows = jdbc.query("load token signing keys", "select kid, public_key, private_key, created_at,"
                + " retired_at from token_signing_keys order by created_at desc, kid desc", row -> new Stored(
                row.getString("kid"), row.getString("public_key"), row.getString("private_key"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "retired_at")));
        Map<String, VerificationKey> loaded = new HashMap<>();
        SigningKey newest = null;
        for (Stored s : rows) {
            loaded.put(s.kid(), new VerificationKey(s.kid(), publicKey(s.publicKey()), s.createdAt(), s.retiredAt()));
            if (newest == null && s.retiredAt() == null) {
                newest = new SigningKey(s.kid(), privateKey(s.kid(), s.privateKey()));
            }
        }
        byKid = Map.copyOf(loaded);
        if (newest != null) {
            signing = newest;
        }
        loadedAtNanos = System.nanoTime();
        return !rows.isEmpty();
    }

    private record Stored(String kid, String publicKey, String privateKey, Instant createdAt, Instant retiredAt) {
    }

    private static JsonObject jwk(VerificationKey key) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key.publicKey());
            jwk.setKeyId(key.kid());
            jwk.setUse("sig");
            jwk.setAlgorithm(ALGORITHM);
            String json = jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            return JsonFactories.READERS.createReader(new java.io.StringReader(json)).readObject();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot express an EC public key as a JWK", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is required by every Java platform", e);
        }
    }

    private static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored token signing key is not an EC public key", e);
        }
    }

    private PrivateKey privateKey(String kid, String sealed) {
        byte[] der = sealer.open(SEAL_CONTEXT, sealed).orElseThrow(() -> new IllegalStateException(
                "token signing key " + kid + " does not open with this installation's sealing keys"));
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token signing key " + kid + " is not an EC private key", e);
        } finally {
            java.util.Arrays.fill(der, (byte) 0);
        }
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
