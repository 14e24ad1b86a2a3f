package io.berth.core.apikey;

import java.util.concurrent.ConcurrentHashMap;

/**
 * When this node writes a key's {@code last_used_at}: on its first use here, then at most once per interval, so a busy
 * key costs one database write a minute per node rather than one per call. The time is the caller's, never read here.
 */
final class LastUse {

    private static final int MAX_TRACKED = 100_000;

    private final ConcurrentHashMap<String, Long> written = new ConcurrentHashMap<>();

    /** True when a use of {@code keyId} at {@code nowMillis} is to be written (and notes that it will be). */
    boolean due(String keyId, long nowMillis, long intervalMillis) {
        boolean[] due = {false};
        written.compute(keyId, (id, last) -> {
            if (last == null || nowMillis - last >= intervalMillis) {
                due[0] = true;
                return nowMillis;
            }
            return last;
        });
        if (due[0] && written.size() > MAX_TRACKED) {
            // Entries older than the interval decide nothing any more: forgetting them only means one write sooner.
            written.values().removeIf(last -> nowMillis - last >= intervalMillis);
        }
        return due[0];
    }

    int tracked() {
        return written.size();
    }
}
