package io.berth.core.security;

import io.berth.core.storage.Jdbc;

/** Wires {@link SealingKeys} and {@link Sealer} by hand, for tests in other packages. */
public final class TestSealing {

    private TestSealing() {
    }

    /** The keys of {@code jdbc}'s database, loaded (creating the first key if there is none). */
    public static SealingKeys loadedKeys(Jdbc jdbc) {
        SealingKeys keys = new SealingKeys();
        keys.jdbc = jdbc;
        keys.load();
        return keys;
    }

    public static Sealer sealer(SealingKeys keys) {
        Sealer sealer = new Sealer();
        sealer.keys = keys;
        return sealer;
    }
}
