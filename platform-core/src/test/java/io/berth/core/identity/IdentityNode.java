package io.berth.core.identity;

import io.berth.core.apikey.ApiKeySpec;
import io.berth.core.apikey.ApiKeys;
import io.berth.core.apikey.ApiKeysConfig;
import io.berth.core.apikey.IssuedApiKey;
import io.berth.core.cluster.ClusterMember;
import io.berth.core.security.Sealer;
import io.berth.core.security.TestSealing;
import io.berth.core.storage.Jdbc;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One Berth node's identity services wired by hand over a shared database and a real Hazelcast member, as CDI would
 * wire them. Several nodes on one database and one cluster act as a cluster of Berth nodes.
 */
final class IdentityNode {

    static final String BASE = "https://berth.test";

    final Jdbc jdbc;
    final ClusterMember member;
    final MutableClock clock;
    final IdentityConfig config = IdentityConfig.defaults();
    final IdentityUris uris = new IdentityUris();
    final TokenKeys keys = new TokenKeys();
    final Revocations revocations = new Revocations();
    final TenantIdps idps = new TenantIdps();
    final TokenVerifier verifier = new TokenVerifier();
    final TokenIssuer issuer = new TokenIssuer();
    final TokenRevocation revocation = new TokenRevocation();
    final OAuthMetadata metadata = new OAuthMetadata();
    final ApiKeys apiKeys = new ApiKeys();

    IdentityNode(Jdbc jdbc, ClusterMember member, MutableClock clock) {
        this.jdbc = jdbc;
        this.member = member;
        this.clock = clock;
        config.publicBaseUrl = Optional.of(BASE);
        config.allowHttp = true;
        config.allowPrivateAddresses = true;
        uris.config = config;
        Sealer sealer = TestSealing.sealer(TestSealing.loadedKeys(jdbc));
        keys.jdbc = jdbc;
        keys.sealer = sealer;
        keys.config = config;
        keys.clock = clock;
        revocations.cluster = member;
        revocations.jdbc = jdbc;
        revocations.config = config;
        revocations.clock = clock;
        idps.jdbc = jdbc;
        idps.config = config;
        idps.uris = uris;
        idps.cluster = member;
        idps.clock = clock;
        verifier.config = config;
        verifier.uris = uris;
        verifier.keys = keys;
        verifier.revocations = revocations;
        verifier.idps = idps;
        verifier.clock = clock;
        inject(apiKeys, "jdbc", jdbc);
        inject(apiKeys, "config", ApiKeysConfig.defaults());
        issuer.apiKeys = apiKeys;
        issuer.keys = keys;
        issuer.uris = uris;
        issuer.config = config;
        issuer.revocations = revocations;
        issuer.clock = clock;
        revocation.apiKeys = apiKeys;
        revocation.revocations = revocations;
        revocation.verifier = verifier;
        revocation.config = config;
        revocation.clock = clock;
        metadata.uris = uris;
        metadata.idps = idps;
    }

    /** What {@link IdentityStartup#start()} does. */
    IdentityNode start() {
        keys.load();
        revocations.start();
        idps.listen();
        return this;
    }

    static void createTenant(Jdbc jdbc, String id) {
        Instant now = Instant.now();
        jdbc.update("tenant", "insert into tenants (id, display_name, status, created_at, updated_at)"
                + " values (?, ?, 'active', ?, ?)", id, id, now, now);
    }

    IssuedApiKey apiKey(String tenant, String... scopes) {
        return apiKeys.issue(tenant, new ApiKeySpec("agent", Set.of(scopes), Set.of(), ApiKeys.Environment.TEST),
                null);
    }

    /** A token for the key, every scope of the key, through the real token endpoint logic. */
    String token(IssuedApiKey key) throws OAuthException {
        return tokenFor(key, null).accessToken();
    }

    TokenResponse tokenFor(IssuedApiKey key, String scope) throws OAuthException {
        return issuer.issue(new TokenRequest(key.tenantId(), "client_credentials",
                new ClientCredentials(key.id(), key.secret(), false), scope, List.of()));
    }

    private static void inject(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
