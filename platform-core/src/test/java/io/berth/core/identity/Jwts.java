package io.berth.core.identity;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/** Hand-made tokens for tests: any header, any claims, any key (or none). */
final class Jwts {

    private Jwts() {
    }

    /** Claims of a well-formed Berth token for {@code tenant} at {@code now}, to be altered by the test. */
    static JwtClaims berthClaims(String tenant, Instant now) {
        JwtClaims c = new JwtClaims();
        c.setIssuer(IdentityNode.BASE + "/t/" + tenant);
        c.setSubject("0123456789abcdef");
        c.setAudience(IdentityNode.BASE + "/t/" + tenant + "/mcp");
        c.setClaim("scope", "crm.read");
        c.setJwtId("jti-" + System.nanoTime());
        c.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        c.setExpirationTime(NumericDate.fromSeconds(now.getEpochSecond() + 900));
        c.setClaim("client_id", "0123456789abcdef");
        c.setClaim("tenant", tenant);
        return c;
    }

    static String sign(JwtClaims claims, String alg, String kid, String typ, Key key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(alg);
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        if (typ != null) {
            jws.setHeader("typ", typ);
        }
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token: the given header JSON, the claims, an empty signature. */
    static String unsigned(String headerJson, JwtClaims claims) {
        return b64(headerJson) + "." + b64(claims.toJson()) + ".";
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The token with its payload replaced, header and signature kept. */
    static String withPayload(String token, String payloadJson) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + b64(payloadJson) + "." + parts[2];
    }

    static String payloadJson(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    static Map<String, Object> claims(String token) {
        try {
            return JwtClaims.parse(payloadJson(token)).getClaimsMap();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
