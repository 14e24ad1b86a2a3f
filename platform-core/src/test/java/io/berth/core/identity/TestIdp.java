package io.berth.core.identity;

import com.sun.net.httpserver.HttpServer;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A tenant's identity provider played by the test: it signs tokens and serves its JWKS over HTTP on loopback. */
final class TestIdp implements AutoCloseable {

    record SigningKey(String kid, String alg, KeyPair pair) {
    }

    private final HttpServer server;
    private final List<SigningKey> published = new ArrayList<>();
    final AtomicInteger fetches = new AtomicInteger();
    volatile int status = 200;
    volatile String body;

    TestIdp() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] b = (body != null ? body : jwks()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(status, b.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/idp";
    }

    String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    synchronized SigningKey addKey(String kid, String alg) {
        SigningKey k = new SigningKey(kid, alg, alg.startsWith("RS") ? Jwts.rsaKeyPair() : Jwts.ecKeyPair());
        published.add(k);
        return k;
    }

    synchronized String jwks() {
        try {
            List<JsonWebKey> keys = new ArrayList<>();
            for (SigningKey k : published) {
                PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(k.pair().getPublic());
                jwk.setKeyId(k.kid());
                jwk.setUse("sig");
                keys.add(jwk);
            }
            return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Typical IdP access token claims for a user, audience the tenant's MCP URI. */
    JwtClaims claims(String audience) {
        Instant now = Instant.now();
        JwtClaims c = new JwtClaims();
        c.setIssuer(issuer());
        c.setSubject("user-42");
        c.setAudience(audience);
        c.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        c.setExpirationTime(NumericDate.fromSeconds(now.getEpochSecond() + 3600));
        c.setClaim("azp", "claude-desktop");
        return c;
    }

    String sign(JwtClaims claims, SigningKey key) {
        return Jwts.sign(claims, key.alg(), key.kid(), "JWT", key.pair().getPrivate());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
