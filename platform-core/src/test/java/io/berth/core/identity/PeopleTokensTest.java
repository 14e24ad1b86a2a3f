package io.berth.core.identity;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** People's tokens on the REST APIs, verified against the organisation's IdP, which the test plays on loopback. */
class PeopleTokensTest {

    private TestIdp idp;
    private TestIdp.SigningKey key;
    private PeopleTokens tokens;
    private MutableClock clock;

    @BeforeEach
    void start() {
        idp = new TestIdp();
        key = idp.addKey("people-1", "RS256");
        IdentityConfig config = IdentityConfig.defaults();
        config.peopleIssuer = Optional.of(idp.issuer());
        config.peopleJwksUrl = Optional.of(idp.jwksUrl());
        config.allowHttp = true;
        config.allowPrivateAddresses = true;
        clock = new MutableClock();
        tokens = new PeopleTokens();
        tokens.config = config;
        tokens.clock = clock;
    }

    @AfterEach
    void stop() {
        idp.close();
    }

    private JwtClaims person(Object groups) {
        JwtClaims c = idp.claims("berth");
        Instant now = clock.instant();
        c.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        c.setExpirationTime(NumericDate.fromSeconds(now.getEpochSecond() + 600));
        c.setClaim("upn", "alice@example.com");
        if (groups != null) {
            c.setClaim("groups", groups);
        }
        return c;
    }

    @Test
    void aValidTokenGivesThePersonAndTheirGroupsButNeverTheToken() {
        String token = idp.sign(person(List.of("berth:operator", "berth:acme:developer")), key);
        VerifiedPerson p = tokens.verify(token).orElseThrow();
        assertEquals(idp.issuer(), p.issuer());
        assertEquals("user-42", p.subject());
        assertEquals(Set.of("berth:operator", "berth:acme:developer"), p.groups());
        assertEquals("alice@example.com", p.claims().get("upn"));
        assertFalse(p.toString().contains(token.substring(token.lastIndexOf('.') + 1)));
    }

    @Test
    void groupsMayBeASpaceSeparatedStringAndMayBeAbsent() {
        assertEquals(Set.of("berth:acme:auditor", "x"),
                tokens.verify(idp.sign(person("berth:acme:auditor x"), key)).orElseThrow().groups());
        assertEquals(Set.of(), tokens.verify(idp.sign(person(null), key)).orElseThrow().groups());
        assertTrue(tokens.verify(idp.sign(person(List.of(1, 2)), key)).isEmpty(), "groups of numbers");
    }

    @Test
    void everyBadTokenIsRefused() {
        JwtClaims expired = person(List.of("berth:operator"));
        expired.setExpirationTime(NumericDate.fromSeconds(clock.instant().getEpochSecond() - 31));
        JwtClaims future = person(List.of("berth:operator"));
        future.setNotBefore(NumericDate.fromSeconds(clock.instant().getEpochSecond() + 120));
        JwtClaims otherAudience = person(List.of("berth:operator"));
        otherAudience.setAudience("https://berth.example.com/t/acme/mcp");
        JwtClaims otherIssuer = person(List.of("berth:operator"));
        otherIssuer.setIssuer("https://evil.example.com");
        JwtClaims noSubject = person(List.of("berth:operator"));
        noSubject.setSubject(null);
        TestIdp.SigningKey unpublished = new TestIdp.SigningKey("people-1", "RS256", Jwts.rsaKeyPair());
        String good = idp.sign(person(List.of("berth:acme:auditor")), key);

        assertTrue(tokens.verify(idp.sign(expired, key)).isEmpty(), "expired");
        assertTrue(tokens.verify(idp.sign(future, key)).isEmpty(), "not yet valid");
        assertTrue(tokens.verify(idp.sign(otherAudience, key)).isEmpty(), "an agent audience");
        assertTrue(tokens.verify(idp.sign(otherIssuer, key)).isEmpty(), "another issuer");
        assertTrue(tokens.verify(idp.sign(noSubject, key)).isEmpty(), "no subject");
        assertTrue(tokens.verify(idp.sign(person(List.of("berth:operator")), unpublished)).isEmpty(), "forged key");
        assertTrue(tokens.verify(Jwts.withPayload(good, Jwts.payloadJson(good)
                .replace("berth:acme:auditor", "berth:operator"))).isEmpty(), "tampered groups");
        assertTrue(tokens.verify(Jwts.unsigned("{\"alg\":\"none\"}", person(List.of("berth:operator")))).isEmpty(),
                "alg none");
        assertTrue(tokens.verify("berth_op_not-a-jwt").isEmpty());
        assertTrue(tokens.verify(null).isEmpty());
        assertTrue(tokens.verify(good).isPresent(), "the untampered token itself is fine");
    }

    @Test
    void withoutAConfiguredProviderNoPersonIsEverAccepted() {
        String token = idp.sign(person(List.of("berth:operator")), key);
        tokens.config.peopleIssuer = Optional.empty();
        assertTrue(tokens.verify(token).isEmpty());
        assertEquals(0, idp.fetches.get());
    }

    @Test
    void anIssuerWithoutJwksUrlIsAConfigurationError() {
        tokens.config.peopleJwksUrl = Optional.empty();
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> tokens.config.peopleIssuer());
        assertTrue(e.getMessage().contains("berth.people.jwks-url"));
    }
}
