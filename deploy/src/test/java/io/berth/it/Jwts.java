package io.berth.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Compact JWS tokens made by hand with the JDK (ES256, HS256, none), to present Berth with every kind of forgery. */
final class Jwts {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private Jwts() {
    }

    static KeyPair es256KeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK of a P-256 key. */
    static JsonObject jwk(PublicKey key, String kid) {
        ECPoint w = ((ECPublicKey) key).getW();
        return Json.createObjectBuilder().add("kty", "EC").add("crv", "P-256").add("kid", kid).add("alg", "ES256")
                .add("use", "sig").add("x", b64(unsigned32(w.getAffineX()))).add("y", b64(unsigned32(w.getAffineY())))
                .build();
    }

    /** The P-256 public key of a JWK (as Berth publishes it in its JWKS). */
    static PublicKey publicKey(JsonObject jwk) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec params = ((ECPublicKey) g.generateKeyPair().getPublic()).getParams();
            ECPoint w = new ECPoint(new BigInteger(1, B64D.decode(jwk.getString("x"))),
                    new BigInteger(1, B64D.decode(jwk.getString("y"))));
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String es256(PrivateKey key, JsonObject header, JsonObject payload) {
        String input = b64(header.toString()) + "." + b64(payload.toString());
        try {
            Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hs256(byte[] secret, JsonObject header, JsonObject payload) {
        String input = b64(header.toString()) + "." + b64(payload.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}: header and payload, an empty signature. */
    static String unsigned(JsonObject header, JsonObject payload) {
        return b64(header.toString()) + "." + b64(payload.toString()) + ".";
    }

    static JsonObject header(String alg, String kid, String typ) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("alg", alg);
        if (kid != null) {
            b.add("kid", kid);
        }
        if (typ != null) {
            b.add("typ", typ);
        }
        return b.build();
    }

    /** Claims as Berth issues them for {@code tenant}: issuer, audience, subject and client, times around now. */
    static JsonObjectBuilder berthClaims(String tenant, String subject, String scope) {
        long now = System.currentTimeMillis() / 1000;
        String base = BerthNodes.https().toString();
        return Json.createObjectBuilder().add("iss", base + "/t/" + tenant).add("aud", base + "/t/" + tenant + "/mcp")
                .add("sub", subject).add("client_id", subject).add("tenant", tenant).add("scope", scope)
                .add("jti", "it-" + System.nanoTime()).add("iat", now).add("exp", now + 600);
    }

    static JsonObject payload(String token) {
        return part(token, 1);
    }

    static JsonObject headerOf(String token) {
        return part(token, 0);
    }

    private static JsonObject part(String token, int index) {
        String[] parts = token.split("\\.");
        try (var r = Json.createReader(new StringReader(new String(B64D.decode(parts[index]),
                StandardCharsets.UTF_8)))) {
            return r.readObject();
        }
    }

    /** The token with its payload replaced and its signature kept. */
    static String withPayload(String token, JsonObject payload) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + b64(payload.toString()) + "." + parts[2];
    }

    static String b64(String s) {
        return b64(s.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return B64.encodeToString(bytes);
    }

    /** A coordinate as JWK wants it: exactly 32 bytes, big-endian, no sign byte. */
    private static byte[] unsigned32(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        return out;
    }
}
