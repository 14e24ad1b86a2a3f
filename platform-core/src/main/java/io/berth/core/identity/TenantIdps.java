package io.berth.core.identity;

import com.hazelcast.topic.ITopic;

import io.berth.core.cluster.ClusterMember;
import io.berth.core.storage.Jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The identity providers each tenant trusts (table {@code tenant_identity_providers}). Read on the verifier's slow path
 * only (a token not seen before), from a per-node cache that a change on any node invalidates everywhere through the
 * topic {@value #TOPIC}, and that expires after {@code berth.identity.idp.cache-seconds} in any case.
 */
@ApplicationScoped
public class TenantIdps {

    static final String TOPIC = "berth.identity-trust-changes";
    private static final Pattern CLAIM_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    @Inject
    Jdbc jdbc;

    @Inject
    IdentityConfig config;

    @Inject
    IdentityUris uris;

    @Inject
    ClusterMember cluster;

    Clock clock = Clock.systemUTC();

    private record Loaded(Map<String, TrustedIssuer> byIssuer, long loadedAtMillis) {
    }

    private final Map<String, Loaded> cache = new ConcurrentHashMap<>();
    private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();
    private volatile boolean listening;

    /** Subscribes this node to trust changes made elsewhere. Call once at start-up, after the cluster member. */
    public void listen() {
        topic().addMessageListener(m -> changed(m.getMessageObject()));
        listening = true;
    }

    /**
     * Trusts (or re-configures) an issuer for a tenant. Refuses, with a message fit for the tenant admin, what is not an
     * HTTPS URL, one of Berth's own per-tenant addresses, or a claim name with odd characters.
     */
    public TrustedIssuer trust(String tenant, String issuer, String jwksUrl, String audience, String scopeClaim) {
        TrustedIssuer t = validated(tenant, issuer, jwksUrl, audience, scopeClaim);
        Instant now = clock.instant();
        jdbc.inTransaction("trust identity provider", c -> {
            int updated = Jdbc.update(c, "update tenant_identity_providers set jwks_url = ?, audience = ?,"
                    + " scope_claim = ?, updated_at = ? where tenant_id = ? and issuer = ?", t.jwksUrl(), t.audience(),
                    t.scopeClaim(), now, tenant, t.issuer());
            if (updated == 0) {
                Jdbc.update(c, "insert into tenant_identity_providers (tenant_id, issuer, jwks_url, audience,"
                        + " scope_claim, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)", tenant, t.issuer(),
                        t.jwksUrl(), t.audience(), t.scopeClaim(), now, now);
            }
            return null;
        });
        announce(tenant);
        return t;
    }

    public List<TrustedIssuer> list(String tenant) {
        return jdbc.query("list identity providers", "select issuer, jwks_url, audience, scope_claim"
                + " from tenant_identity_providers where tenant_id = ? order by issuer", row -> new TrustedIssuer(
                tenant, row.getString("issuer"), row.getString("jwks_url"), row.getString("audience"),
                row.getString("scope_claim")), tenant);
    }

    /** Stops trusting an issuer; its tokens are refused on every node from the next request on. */
    public boolean remove(String tenant, String issuer) {
        boolean removed = jdbc.update("remove identity provider", "delete from tenant_identity_providers"
                + " where tenant_id = ? and issuer = ?", tenant, issuer) > 0;
        if (removed) {
            announce(tenant);
        }
        return removed;
    }

    /** The tenant's trust in this exact issuer, if any (cached). */
    Optional<TrustedIssuer> find(String tenant, String issuer) {
        long now = clock.millis();
        Loaded loaded = cache.get(tenant);
        if (loaded == null || now - loaded.loadedAtMillis() > config.idpCacheSeconds() * 1000L) {
            Map<String, TrustedIssuer> byIssuer = new ConcurrentHashMap<>();
            list(tenant).forEach(t -> byIssuer.put(t.issuer(), t));
            loaded = new Loaded(byIssuer, now);
            cache.put(tenant, loaded);
        }
        return Optional.ofNullable(loaded.byIssuer().get(issuer));
    }

    /** Called with the tenant id whenever that tenant's trust changes (on any node). */
    void onChange(Consumer<String> listener) {
        changeListeners.add(listener);
    }

    private void announce(String tenant) {
        changed(tenant);
        if (listening) {
            topic().publish(tenant);
        }
    }

    private void changed(String tenant) {
        cache.remove(tenant);
        changeListeners.forEach(l -> l.accept(tenant));
    }

    private TrustedIssuer validated(String tenant, String issuer, String jwksUrl, String audience,
                                    String scopeClaim) {
        requireUrl("issuer", issuer, 500);
        requireUrl("jwks_url", jwksUrl, 2000);
        if (uris.isBerthTenantAddress(issuer)) {
            throw new IllegalArgumentException("issuer: Berth's own authorization servers are trusted already");
        }
        String aud = audience == null || audience.isBlank() ? null : audience.strip();
        if (aud != null && (aud.length() > 500 || (uris.isBerthTenantAddress(aud)
                && !IdentityUris.canonical(aud).orElse("").equals(uris.resource(tenant))))) {
            throw new IllegalArgumentException("audience: must not name another tenant's address (at most 500 chars)");
        }
        String claim = scopeClaim == null || scopeClaim.isBlank() ? "scope" : scopeClaim.strip();
        if (!CLAIM_NAME.matcher(claim).matches()) {
            throw new IllegalArgumentException("scope_claim: 1 to 64 letters, digits, '_', '.', ':' or '-'");
        }
        return new TrustedIssuer(tenant, issuer, jwksUrl, aud, claim);
    }

    private void requireUrl(String field, String value, int maxLength) {
        boolean ok = value != null && value.length() <= maxLength && value.equals(value.strip());
        if (ok) {
            try {
                URI u = new URI(value);
                String scheme = u.getScheme();
                ok = u.getHost() != null && u.getRawFragment() == null && u.getRawUserInfo() == null
                        && ("https".equals(scheme) || ("http".equals(scheme) && config.allowHttp()));
            } catch (java.net.URISyntaxException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw new IllegalArgumentException(field + ": an absolute https URL without fragment (at most "
                    + maxLength + " chars)");
        }
    }

    private ITopic<String> topic() {
        return cluster.hazelcast().getTopic(TOPIC);
    }
}
