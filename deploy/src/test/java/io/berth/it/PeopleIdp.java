package io.berth.it;

import com.sun.net.httpserver.HttpServer;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.UUID;

/**
 * The organisation's identity provider for people, played by this test JVM: the IT servers trust
 * {@value #ISSUER} with its JWKS on the port the build reserved ({@code berth.it.peopleJwksPort}), so this serves it
 * there, once per test run, with a key made for the run.
 */
final class PeopleIdp {

    static final String ISSUER = "https://people.it.example";
    static final String AUDIENCE = "berth";

    private static PeopleIdp started;

    private final KeyPair key = Jwts.es256KeyPair();
    private final String kid = "people-" + UUID.randomUUID().toString().substring(0, 8);

    private PeopleIdp() {
        int port = Integer.parseInt(System.getProperty("berth.it.peopleJwksPort"));
        byte[] jwks = Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(Jwts.jwk(key.getPublic(),
                kid))).build().toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start(); // lives as long as the test JVM
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized PeopleIdp get() {
        if (started == null) {
            started = new PeopleIdp();
        }
        return started;
    }

    /** Claims of a good ten-minute token for {@code subject} in {@code groups}; callers change what they test. */
    JsonObjectBuilder claims(String subject, String... groups) {
        long now = System.currentTimeMillis() / 1000;
        JsonArrayBuilder g = Json.createArrayBuilder();
        for (String group : groups) {
            g.add(group);
        }
        return Json.createObjectBuilder().add("iss", ISSUER).add("aud", AUDIENCE).add("sub", subject)
                .add("upn", subject + "@people.it.example").add("groups", g).add("iat", now).add("exp", now + 600);
    }

    /** A person's token with these groups (berth:operator, berth:<tenant>:<role>). */
    String token(String subject, String... groups) {
        return sign(claims(subject, groups).build());
    }

    String sign(JsonObject claims) {
        String token = Jwts.es256(key.getPrivate(), Jwts.header("ES256", kid, "JWT"), claims);
        UsedCredentials.note(token);
        return token;
    }

    /** The same claims signed by a key the IdP never published. */
    String forged(JsonObject claims) {
        String token = Jwts.es256(Jwts.es256KeyPair().getPrivate(), Jwts.header("ES256", kid, "JWT"), claims);
        UsedCredentials.note(token);
        return token;
    }
}
