package io.berth.it;

import com.sun.net.httpserver.HttpServer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.UUID;

/**
 * An identity provider a tenant can trust: an ES256 key whose JWKS this test JVM serves over HTTP on loopback (the IT
 * servers allow that, and only they), and tokens it signs. Berth fetches the JWKS itself, as it would from a real IdP.
 */
final class TestIdp implements AutoCloseable {

    private final HttpServer server;
    private final KeyPair key = Jwts.es256KeyPair();
    private final String kid = "it-idp-" + UUID.randomUUID().toString().substring(0, 8);
    private final String issuer = "https://idp-" + UUID.randomUUID().toString().substring(0, 8) + ".it.example";

    TestIdp() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(Jwts.jwk(key.getPublic(),
                kid))).build().toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    String issuer() {
        return issuer;
    }

    String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** Makes {@code tenant} trust this IdP (operator API). */
    TestIdp trustedBy(String tenant) {
        Http.Response r = new OperatorClient(BerthNodes.nodeA()).put(BerthNodes.nodeA().resolve("/admin/api/v1/tenants/"
                + tenant + "/identity-providers"), Json.createObjectBuilder().add("issuer", issuer)
                .add("jwksUrl", jwksUrl()).build().toString());
        if (r.status() != 200) {
            throw new AssertionError("IdP not trusted: HTTP " + r.status() + " " + r.body());
        }
        return this;
    }

    /** Claims of a good token of this IdP for {@code tenant}'s MCP endpoint; callers change what they test. */
    JsonObjectBuilder claims(String tenant, String subject) {
        long now = System.currentTimeMillis() / 1000;
        return Json.createObjectBuilder().add("iss", issuer).add("aud", BerthNodes.https() + "/t/" + tenant + "/mcp")
                .add("sub", subject).add("scope", "demo.write").add("jti", UUID.randomUUID().toString())
                .add("iat", now).add("exp", now + 600);
    }

    /** Signs {@code claims} with this IdP's key. */
    String sign(JsonObject claims) {
        String token = Jwts.es256(key.getPrivate(), Jwts.header("ES256", kid, "JWT"), claims);
        UsedCredentials.note(token);
        return token;
    }

    /** Signs with this IdP's key but names another kid. */
    String signWithKid(String otherKid, JsonObject claims) {
        return Jwts.es256(key.getPrivate(), Jwts.header("ES256", otherKid, "JWT"), claims);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
