package io.berth.core.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** The identity settings: {@code berth.public-base-url} and {@code berth.identity.*} (see microprofile-config.properties). */
@ApplicationScoped
public class IdentityConfig {

    @Inject
    @ConfigProperty(name = "berth.public-base-url")
    Optional<String> publicBaseUrl;

    /** Liberty's HTTPS endpoint (server.xml variables), used for the default public base URL only. */
    @Inject
    @ConfigProperty(name = "berth.https.host")
    Optional<String> httpsHost;

    @Inject
    @ConfigProperty(name = "berth.https.port")
    Optional<Integer> httpsPort;

    @Inject
    @ConfigProperty(name = "berth.identity.token-lifetime-seconds")
    long tokenLifetimeSeconds;

    @Inject
    @ConfigProperty(name = "berth.identity.clock-skew-seconds")
    long clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "berth.identity.verify-cache-max-entries")
    int verifyCacheMaxEntries;

    @Inject
    @ConfigProperty(name = "berth.identity.key-reload-seconds")
    long keyReloadSeconds;

    @Inject
    @ConfigProperty(name = "berth.identity.revocation.unknown-expiry-seconds")
    long unknownExpirySeconds;

    @Inject
    @ConfigProperty(name = "berth.identity.idp.cache-seconds")
    long idpCacheSeconds;

    @Inject
    @ConfigProperty(name = "berth.identity.idp.jwks-timeout-ms")
    long jwksTimeoutMs;

    @Inject
    @ConfigProperty(name = "berth.identity.idp.jwks-max-bytes")
    int jwksMaxBytes;

    @Inject
    @ConfigProperty(name = "berth.identity.idp.jwks-ttl-seconds")
    long jwksTtlSeconds;

    @Inject
    @ConfigProperty(name = "berth.identity.idp.jwks-min-refresh-seconds")
    long jwksMinRefreshSeconds;

    @Inject
    @ConfigProperty(name = "berth.identity.idp.jwks-max-stale-seconds")
    long jwksMaxStaleSeconds;

    @Inject
    @ConfigProperty(name = "berth.identity.idp.allow-http")
    boolean allowHttp;

    @Inject
    @ConfigProperty(name = "berth.identity.idp.allow-private-addresses")
    boolean allowPrivateAddresses;

    @Inject
    @ConfigProperty(name = "berth.people.issuer")
    Optional<String> peopleIssuer;

    @Inject
    @ConfigProperty(name = "berth.people.jwks-url")
    Optional<String> peopleJwksUrl;

    @Inject
    @ConfigProperty(name = "berth.people.audience")
    String peopleAudience;

    @Inject
    @ConfigProperty(name = "berth.people.groups-claim")
    String peopleGroupsClaim;

    /** The defaults of microprofile-config.properties, for tests and tools that wire by hand. */
    static IdentityConfig defaults() {
        IdentityConfig c = new IdentityConfig();
        c.publicBaseUrl = Optional.empty();
        c.httpsHost = Optional.empty();
        c.httpsPort = Optional.empty();
        c.tokenLifetimeSeconds = 900;
        c.clockSkewSeconds = 30;
        c.verifyCacheMaxEntries = 100_000;
        c.keyReloadSeconds = 60;
        c.unknownExpirySeconds = 86_400;
        c.idpCacheSeconds = 60;
        c.jwksTimeoutMs = 5_000;
        c.jwksMaxBytes = 65_536;
        c.jwksTtlSeconds = 300;
        c.jwksMinRefreshSeconds = 10;
        c.jwksMaxStaleSeconds = 3_600;
        c.allowHttp = false;
        c.allowPrivateAddresses = false;
        c.peopleIssuer = Optional.empty();
        c.peopleJwksUrl = Optional.empty();
        c.peopleAudience = "berth";
        c.peopleGroupsClaim = "groups";
        return c;
    }

    /**
     * Where agents reach Berth, without a trailing slash: the configured URL, else {@code https://<host>:<port>} of
     * Liberty's HTTPS endpoint ({@code localhost} when it listens on every interface).
     */
    public String publicBaseUrl() {
        String configured = publicBaseUrl.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (configured != null) {
            return IdentityUris.canonical(configured)
                    .orElseThrow(() -> new IllegalStateException("berth.public-base-url is not an absolute http(s) URL"
                            + " without query or fragment"));
        }
        String host = httpsHost.map(String::strip).filter(h -> !h.isEmpty() && !h.equals("*")).orElse("localhost");
        int port = httpsPort.orElse(9443);
        return "https://" + host + (port == 443 ? "" : ":" + port);
    }

    public long tokenLifetimeSeconds() {
        return tokenLifetimeSeconds;
    }

    public long clockSkewSeconds() {
        return clockSkewSeconds;
    }

    public int verifyCacheMaxEntries() {
        return verifyCacheMaxEntries;
    }

    public long keyReloadSeconds() {
        return keyReloadSeconds;
    }

    /**
     * How long a retired signing key stays published: every token it signed has expired by then, including those
     * signed by nodes that had not yet reloaded the keys when it was retired.
     */
    public long keyRetentionSeconds() {
        return tokenLifetimeSeconds + clockSkewSeconds + keyReloadSeconds;
    }

    public long unknownExpirySeconds() {
        return unknownExpirySeconds;
    }

    public long idpCacheSeconds() {
        return idpCacheSeconds;
    }

    public long jwksTimeoutMs() {
        return jwksTimeoutMs;
    }

    public int jwksMaxBytes() {
        return jwksMaxBytes;
    }

    public long jwksTtlSeconds() {
        return jwksTtlSeconds;
    }

    public long jwksMinRefreshSeconds() {
        return jwksMinRefreshSeconds;
    }

    public long jwksMaxStaleSeconds() {
        return jwksMaxStaleSeconds;
    }

    public boolean allowHttp() {
        return allowHttp;
    }

    public boolean allowPrivateAddresses() {
        return allowPrivateAddresses;
    }

    /** The identity provider whose tokens people present on the REST APIs; empty when none is configured. */
    public Optional<PeopleIssuer> peopleIssuer() {
        String issuer = peopleIssuer.map(String::strip).orElse("");
        String jwks = peopleJwksUrl.map(String::strip).orElse("");
        if (issuer.isEmpty()) {
            return Optional.empty();
        }
        if (jwks.isEmpty()) {
            throw new IllegalStateException("berth.people.issuer is set but berth.people.jwks-url is not");
        }
        return Optional.of(new PeopleIssuer(issuer, jwks, peopleAudience.strip(), peopleGroupsClaim.strip()));
    }
}
