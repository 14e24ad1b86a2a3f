package io.berth.core.identity;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tenants' IdP signing keys, fetched by Berth from their JWKS URLs: HTTPS only (plain HTTP and private addresses only
 * when configured, for tests), no redirects, a time-out and a size cap; cached for {@code jwks-ttl-seconds}, fetched
 * again for an unknown kid at most every {@code jwks-min-refresh-seconds}, and served stale for up to
 * {@code jwks-max-stale-seconds} while the IdP cannot be reached.
 */
final class JwksClient {

    private static final Logger LOG = Logger.getLogger(JwksClient.class.getName());

    /** The IdP's keys cannot be had and none are cached. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Entry {
        volatile List<PublicJsonWebKey> keys;
        volatile long fetchedAtMillis;
        volatile long attemptedAtMillis = Long.MIN_VALUE / 2;
    }

    private final IdentityConfig config;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    JwksClient(IdentityConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(config.jwksTimeoutMs()))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The key for a token's kid (or the only fitting key when the token has none) and algorithm; empty if none. */
    Optional<PublicKey> key(String jwksUrl, String kid, String alg) throws Unavailable {
        Entry entry = entries.computeIfAbsent(jwksUrl, u -> new Entry());
        if (entry.keys == null || clock.millis() - entry.fetchedAtMillis > config.jwksTtlSeconds() * 1000L) {
            refresh(jwksUrl, entry, false);
        }
        Optional<PublicKey> found = select(entry.keys, kid, alg);
        if (found.isEmpty()) {
            // The IdP may have rotated: look again, but not more often than the minimum interval.
            refresh(jwksUrl, entry, true);
            found = select(entry.keys, kid, alg);
        }
        return found;
    }

    private void refresh(String url, Entry entry, boolean forUnknownKid) throws Unavailable {
        synchronized (entry) {
            long now = clock.millis();
            boolean recentlyTried = now - entry.attemptedAtMillis < config.jwksMinRefreshSeconds() * 1000L;
            boolean fresh = entry.keys != null && now - entry.fetchedAtMillis <= config.jwksTtlSeconds() * 1000L;
            if (recentlyTried || (fresh && !forUnknownKid)) {
                // Fetched meanwhile by another thread, or tried a moment ago: no request, at most stale keys.
                if (!usable(entry, now)) {
                    throw new Unavailable("the JWKS of an identity provider cannot be fetched");
                }
                return;
            }
            entry.attemptedAtMillis = now;
            try {
                entry.keys = fetch(url);
                entry.fetchedAtMillis = clock.millis();
            } catch (IOException | JoseException | RuntimeException e) {
                LOG.log(Level.WARNING, "JWKS " + url + " could not be fetched: " + e.getMessage());
                LOG.log(Level.FINE, "JWKS fetch failure", e);
                if (!usable(entry, now)) {
                    entry.keys = null;
                    throw new Unavailable("the JWKS of an identity provider cannot be fetched");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unavailable("interrupted while fetching a JWKS");
            }
        }
    }

    private boolean usable(Entry entry, long now) {
        return entry.keys != null && now - entry.fetchedAtMillis <= config.jwksMaxStaleSeconds() * 1000L;
    }

    private List<PublicJsonWebKey> fetch(String url) throws IOException, InterruptedException, JoseException {
        URI uri = URI.create(url);
        String scheme = uri.getScheme();
        if (!"https".equals(scheme) && !("http".equals(scheme) && config.allowHttp())) {
            throw new IOException("JWKS URLs must use https");
        }
        if (!config.allowPrivateAddresses()) {
            for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
                if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                        || a.isMulticastAddress() || isUniqueLocal(a)) {
                    throw new IOException("JWKS host resolves to a private address");
                }
            }
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(config.jwksTimeoutMs()))
                .header("Accept", "application/jwk-set+json, application/json").GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("JWKS answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(config.jwksMaxBytes() + 1);
            if (bytes.length > config.jwksMaxBytes()) {
                throw new IOException("JWKS is larger than " + config.jwksMaxBytes() + " bytes");
            }
            List<PublicJsonWebKey> keys = new ArrayList<>();
            for (JsonWebKey k : new JsonWebKeySet(new String(bytes, StandardCharsets.UTF_8)).getJsonWebKeys()) {
                if (k instanceof PublicJsonWebKey p && (k.getUse() == null || "sig".equals(k.getUse()))) {
                    keys.add(p);
                }
            }
            return List.copyOf(keys);
        }
    }

    private static boolean isUniqueLocal(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && (b[0] & 0xFE) == 0xFC; // fc00::/7
    }

    private static Optional<PublicKey> select(List<PublicJsonWebKey> keys, String kid, String alg) {
        if (keys == null) {
            return Optional.empty();
        }
        List<PublicJsonWebKey> fitting = new ArrayList<>();
        for (PublicJsonWebKey k : keys) {
            if (fits(k, alg) && (kid == null || kid.equals(k.getKeyId()))) {
                fitting.add(k);
            }
        }
        // Without a kid the choice must be unambiguous.
        return fitting.size() == 1 || (kid != null && !fitting.isEmpty())
                ? Optional.of(fitting.get(0).getPublicKey()) : Optional.empty();
    }

    private static boolean fits(PublicJsonWebKey k, String alg) {
        if (k.getAlgorithm() != null && !k.getAlgorithm().equals(alg)) {
            return false;
        }
        return switch (alg) {
            case "RS256" -> k instanceof RsaJsonWebKey;
            case "ES256" -> k instanceof EllipticCurveJsonWebKey ec && EllipticCurves.P_256.equals(ec.getCurveName());
            default -> false;
        };
    }
}
