package io.berth.core.plugin;

import io.berth.core.security.Secrets;
import io.berth.core.storage.Jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The public keys a tenant signs its plugins with. Keys are X.509 SubjectPublicKeyInfo (what {@code openssl pkey
 * -pubout} writes, base64 or PEM): Ed25519, EC on P-256 or larger, or RSA of at least 2048 bits. Once a tenant has a
 * key, unsigned uploads are refused.
 */
@ApplicationScoped
public class SigningKeys {

    /** A registered key as listed (never anything secret: these are public keys). */
    public record Registered(String id, String name, String algorithm, String publicKey, Instant createdAt) {
    }

    @Inject
    Jdbc jdbc;

    public Registered add(String tenant, String name, String encoded) {
        PublicKey key = parse(encoded);
        String id = Secrets.randomHex(8);
        String der = Base64.getEncoder().encodeToString(key.getEncoded());
        Instant now = Instant.now();
        jdbc.update("register signing key", "insert into plugin_signing_keys (tenant_id, id, name, algorithm, "
                + "public_key, created_at) values (?, ?, ?, ?, ?, ?)", tenant, id, name, key.getAlgorithm(), der, now);
        return new Registered(id, name, key.getAlgorithm(), der, now);
    }

    public List<Registered> list(String tenant) {
        return jdbc.query("list signing keys", "select id, name, algorithm, public_key, created_at "
                + "from plugin_signing_keys where tenant_id = ? order by created_at, id", row -> new Registered(
                row.getString("id"), row.getString("name"), row.getString("algorithm"), row.getString("public_key"),
                Jdbc.instant(row, "created_at")), tenant);
    }

    public boolean remove(String tenant, String id) {
        return jdbc.update("remove signing key", "delete from plugin_signing_keys where tenant_id = ? and id = ?",
                tenant, id) > 0;
    }

    /** The tenant's keys, ready to verify with. */
    public List<PublicKey> publicKeys(String tenant) {
        return list(tenant).stream().map(k -> parse(k.publicKey())).toList();
    }

    /** Parses a base64 or PEM SubjectPublicKeyInfo; an unusable key is an {@link IllegalArgumentException}. */
    static PublicKey parse(String encoded) {
        String body = encoded.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key is not base64 or PEM");
        }
        for (String algorithm : List.of("Ed25519", "EC", "RSA")) {
            Optional<PublicKey> key = tryParse(algorithm, der);
            if (key.isPresent()) {
                check(key.get());
                return key.get();
            }
        }
        throw new IllegalArgumentException("the key is not an Ed25519, EC or RSA SubjectPublicKeyInfo");
    }

    private static Optional<PublicKey> tryParse(String algorithm, byte[] der) {
        try {
            return Optional.of(KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void check(PublicKey key) {
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
            throw new IllegalArgumentException("RSA keys must have at least 2048 bits");
        }
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() < 256) {
            throw new IllegalArgumentException("EC keys must be on a curve of at least 256 bits");
        }
    }
}
