package io.berth.core.security;

import io.berth.core.storage.Jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The cluster's AES-256 sealing keys, shared through the database so that state sealed on one node opens on every
 * other. The first node to start creates a key; later keys are added by rotation, and a node that meets a key id it
 * does not know reloads before refusing.
 */
@ApplicationScoped
public class SealingKeys {

    private static final Logger LOG = Logger.getLogger(SealingKeys.class.getName());

    /** An AES key and its id. */
    public record Key(String kid, byte[] secret) {
    }

    @Inject
    Jdbc jdbc;

    private final Map<String, Key> byKid = new ConcurrentHashMap<>();
    private volatile Key current;
    private volatile long lastReload = System.nanoTime() - RELOAD_INTERVAL_NANOS - 1;
    private static final long RELOAD_INTERVAL_NANOS = 1_000_000_000L;

    /** Loads the keys, creating the first one on an empty installation. Called once at start-up. */
    public void load() {
        if (reload().isEmpty()) {
            rotate();
        }
    }

    /** Adds a new key that seals from now on (on this node at once, on others when they next reload). */
    public Key rotate() {
        String kid = Secrets.randomHex(8);
        String secret = Secrets.random(32);
        jdbc.update("add sealing key", "insert into sealing_keys (kid, secret, created_at) values (?, ?, ?)",
                kid, secret, Instant.now());
        LOG.info(() -> "Added sealing key " + kid);
        reload();
        // The key just added seals from now on here, whatever another node's clock stamped on its keys.
        Key added = new Key(kid, Base64.getUrlDecoder().decode(secret));
        byKid.put(kid, added);
        current = added;
        return added;
    }

    /** The key new state is sealed with. */
    public Key current() {
        Key key = current;
        if (key == null) {
            throw new IllegalStateException("sealing keys are not loaded");
        }
        return key;
    }

    /** The key with this id, reloading once if another node may have added it. */
    public Optional<Key> find(String kid) {
        Key key = byKid.get(kid);
        long now = System.nanoTime();
        // Another node may have rotated; look again, but at most once a second, so that made-up key ids cannot
        // turn every request into a database query.
        if (key == null && kid.matches("[0-9a-f]{16}") && now - lastReload > RELOAD_INTERVAL_NANOS) {
            lastReload = now;
            reload();
            key = byKid.get(kid);
        }
        return Optional.ofNullable(key);
    }

    /** Newest first; the newest becomes current. */
    private List<Key> reload() {
        List<Key> keys = jdbc.query("load sealing keys",
                "select kid, secret from sealing_keys order by created_at desc, kid desc",
                row -> new Key(row.getString("kid"), Base64.getUrlDecoder().decode(row.getString("secret"))));
        keys.forEach(k -> byKid.put(k.kid(), k));
        if (!keys.isEmpty()) {
            current = keys.get(0);
        }
        return keys;
    }
}
