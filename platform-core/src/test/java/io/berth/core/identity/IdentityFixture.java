package io.berth.core.identity;

import io.berth.core.apikey.ApiKeys;
import io.berth.core.apikey.IssuedApiKey;
import io.berth.core.cluster.ClusterMember;
import io.berth.core.storage.Jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One node's identity services (an {@link IdentityNode}) for tests of other features: its API key store, its
 * revocation set, and the token endpoint and verifier behind them, on the test's database and cluster member.
 */
public final class IdentityFixture {

    private final MutableClock clock = new MutableClock();
    private final IdentityNode node;

    public IdentityFixture(Jdbc jdbc, ClusterMember member) {
        node = new IdentityNode(jdbc, member, clock).start();
    }

    public ApiKeys apiKeys() {
        return node.apiKeys;
    }

    public Revocations revocations() {
        return node.revocations;
    }

    public IdentityConfig config() {
        return node.config;
    }

    /** What the token endpoint answers the key (every scope of the key). */
    public TokenResponse token(IssuedApiKey key) throws OAuthException {
        realTime();
        return node.issuer.issue(new TokenRequest(key.tenantId(), TokenIssuer.GRANT,
                new ClientCredentials(key.id(), key.secret(), false), null, List.of()));
    }

    /** True when the MCP endpoint would accept the token. */
    public boolean accepted(String tenant, String token) {
        realTime();
        return node.verifier.verify(tenant, token) instanceof VerifiedToken;
    }

    /** The identity services' clock follows the real time here, as the keys' own clocks do. */
    private void realTime() {
        Duration behind = Duration.between(clock.instant(), Instant.now());
        if (!behind.isNegative()) {
            clock.advance(behind);
        }
    }
}
