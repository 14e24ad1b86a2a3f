package io.berth.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.core.apikey.IssuedApiKey;
import io.berth.core.cluster.ClusterMember;
import io.berth.core.cluster.TestClusterMembers;
import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

/** RFC 7009 at Berth's revocation endpoint: the client revokes its own token; anything unrevocable is a success. */
class TokenRevocationTest {

    private static Jdbc jdbc;
    private static ClusterMember member;
    private static IdentityNode node;

    @BeforeAll
    static void start() {
        jdbc = MigratedH2.create();
        IdentityNode.createTenant(jdbc, "acme");
        IdentityNode.createTenant(jdbc, "other");
        member = TestClusterMembers.start("identity-" + UUID.randomUUID(), List.of());
        node = new IdentityNode(jdbc, member, new MutableClock()).start();
    }

    @AfterAll
    static void stop() {
        TestClusterMembers.stop(member);
        MigratedH2.shutdown(jdbc);
    }

    private static ClientCredentials creds(IssuedApiKey k) {
        return new ClientCredentials(k.id(), k.secret(), false);
    }

    @Test
    void aClientRevokesItsOwnToken() throws Exception {
        IssuedApiKey k = node.apiKey("acme", "crm");
        String token = node.token(k);
        assertInstanceOf(VerifiedToken.class, node.verifier.verify("acme", token));
        node.revocation.revoke("acme", token, creds(k));
        assertEquals(TokenRejected.Reason.REVOKED,
                ((TokenRejected) node.verifier.verify("acme", token)).reason());
        node.revocation.revoke("acme", token, creds(k)); // again: still a success
    }

    @Test
    void unknownInvalidOrForeignTenantTokensAreASuccessThatChangesNothing() throws Exception {
        IssuedApiKey k = node.apiKey("acme", "crm");
        IssuedApiKey otherTenantKey = node.apiKey("other", "crm");
        String otherTenantToken = node.token(otherTenantKey);
        for (String t : List.of("garbage", "a.b.c", otherTenantToken, Jwts.unsigned("{\"alg\":\"none\"}",
                Jwts.berthClaims("acme", java.time.Instant.now())))) {
            node.revocation.revoke("acme", t, creds(k));
        }
        assertInstanceOf(VerifiedToken.class, node.verifier.verify("other", otherTenantToken));
    }

    @Test
    void anotherClientsTokenIsInvalidClientAndStaysValid() throws Exception {
        IssuedApiKey mine = node.apiKey("acme", "crm");
        IssuedApiKey theirs = node.apiKey("acme", "crm");
        String theirToken = node.token(theirs);
        OAuthException e = assertThrows(OAuthException.class,
                () -> node.revocation.revoke("acme", theirToken, creds(mine)));
        assertEquals(OAuthError.INVALID_CLIENT, e.error());
        assertInstanceOf(VerifiedToken.class, node.verifier.verify("acme", theirToken));
    }

    @Test
    void theClientMustAuthenticateAndNameAToken() throws Exception {
        IssuedApiKey k = node.apiKey("acme", "crm");
        String token = node.token(k);
        assertEquals(OAuthError.INVALID_CLIENT, assertThrows(OAuthException.class, () -> node.revocation.revoke(
                "acme", token, new ClientCredentials(k.id(), "wrong", false))).error());
        assertEquals(OAuthError.INVALID_REQUEST, assertThrows(OAuthException.class, () -> node.revocation.revoke(
                "acme", null, creds(k))).error());
        assertInstanceOf(VerifiedToken.class, node.verifier.verify("acme", token));
    }
}
