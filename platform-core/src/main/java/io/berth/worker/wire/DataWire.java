package io.berth.worker.wire;

import io.berth.sdk.DataEntry;
import io.berth.sdk.DataPage;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin's data store between worker and host: entries, pages, and times to live. Instants and durations travel as
 * their ISO-8601 text, so nothing is rounded on the way.
 */
public final class DataWire {

    private DataWire() {
    }

    /** {@code {entry: {...} | null}}: the answer of every call that returns an entry or none. */
    public static Map<String, Object> entry(Optional<DataEntry> entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entry", entry.map(DataWire::encode).orElse(null));
        return m;
    }

    public static Optional<DataEntry> readEntry(Map<String, Object> answer) {
        Map<String, Object> e = Fields.optObject(answer, "entry");
        return e == null ? Optional.empty() : Optional.of(decode(e));
    }

    public static Map<String, Object> page(DataPage page) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entries", page.entries().stream().map(DataWire::encode).toList());
        m.put("nextCursor", page.nextCursor());
        return m;
    }

    public static DataPage page(Map<String, Object> m) {
        List<DataEntry> entries = new ArrayList<>();
        for (Object o : Fields.list(m, "entries")) {
            entries.add(decode(Fields.asObject(o, "an entry")));
        }
        return new DataPage(entries, Fields.optString(m, "nextCursor"));
    }

    /** Adds {@code ttl} to {@code params} when there is one. */
    public static void putTtl(Map<String, Object> params, Duration ttl) {
        if (ttl != null) {
            params.put("ttl", ttl.toString());
        }
    }

    /** The time to live in {@code params}, or null for none. */
    public static Duration ttl(Map<String, Object> params) {
        String ttl = Fields.optString(params, "ttl");
        try {
            return ttl == null ? null : Duration.parse(ttl);
        } catch (DateTimeException e) {
            throw new JsonException("'ttl' must be an ISO-8601 duration");
        }
    }

    private static Map<String, Object> encode(DataEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", e.key());
        m.put("value", e.value());
        m.put("version", e.version());
        m.put("expiresAt", e.expiresAt() == null ? null : e.expiresAt().toString());
        return m;
    }

    private static DataEntry decode(Map<String, Object> m) {
        String expiresAt = Fields.optString(m, "expiresAt");
        try {
            return new DataEntry(Fields.string(m, "key"), Fields.string(m, "value"), Fields.integer(m, "version"),
                    expiresAt == null ? null : Instant.parse(expiresAt));
        } catch (DateTimeException e) {
            throw new JsonException("'expiresAt' must be an ISO-8601 instant");
        }
    }
}
