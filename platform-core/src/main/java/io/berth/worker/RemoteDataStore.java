package io.berth.worker;

import io.berth.sdk.DataEntry;
import io.berth.sdk.DataPage;
import io.berth.sdk.DataStore;
import io.berth.sdk.ToolException;
import io.berth.worker.wire.DataWire;
import io.berth.worker.wire.Fields;
import io.berth.worker.wire.JsonException;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The plugin's data store inside the worker: each method is a {@code context/data.<method>} request served by the host
 * from the call's own store, which alone knows the tenant and plugin it belongs to. Arguments go as given (nulls
 * included), so the host's checks refuse with the messages a classloader plugin gets.
 */
final class RemoteDataStore implements DataStore {

    /** The prefix of every data store capability. */
    static final String PREFIX = "data.";

    private final RemoteContext context;

    RemoteDataStore(RemoteContext context) {
        this.context = context;
    }

    @Override
    public Optional<DataEntry> get(String key) throws ToolException {
        return entry("get", keyed(key));
    }

    @Override
    public DataEntry put(String key, String value, Duration ttl) throws ToolException {
        return entry("put", written(key, value, ttl)).orElseThrow(RemoteContext::malformed);
    }

    @Override
    public Optional<DataEntry> putIfAbsent(String key, String value, Duration ttl) throws ToolException {
        return entry("putIfAbsent", written(key, value, ttl));
    }

    @Override
    public Optional<DataEntry> compareAndSet(String key, long expectedVersion, String value, Duration ttl)
            throws ToolException {
        Map<String, Object> p = written(key, value, ttl);
        p.put("expectedVersion", expectedVersion);
        return entry("compareAndSet", p);
    }

    @Override
    public boolean delete(String key) throws ToolException {
        try {
            return Fields.bool(context.askObject(PREFIX + "delete", keyed(key)), "value");
        } catch (JsonException e) {
            throw RemoteContext.malformed();
        }
    }

    @Override
    public DataPage list(String prefix, int limit, String cursor) throws ToolException {
        Map<String, Object> p = context.params();
        RemoteContext.put(p, "prefix", prefix);
        p.put("limit", limit);
        RemoteContext.put(p, "cursor", cursor);
        try {
            return DataWire.page(context.askObject(PREFIX + "list", p));
        } catch (JsonException e) {
            throw RemoteContext.malformed();
        }
    }

    private Optional<DataEntry> entry(String method, Map<String, Object> p) throws ToolException {
        try {
            return DataWire.readEntry(context.askObject(PREFIX + method, p));
        } catch (JsonException e) {
            throw RemoteContext.malformed();
        }
    }

    private Map<String, Object> keyed(String key) {
        Map<String, Object> p = context.params();
        RemoteContext.put(p, "key", key);
        return p;
    }

    private Map<String, Object> written(String key, String value, Duration ttl) throws ToolException {
        if (value != null && unpairedSurrogate(value)) {
            // JSON text cannot carry it (the wire would replace it): refused here as the host refuses it
            throw new ToolException("A data value must be valid Unicode text (unpaired surrogate)");
        }
        Map<String, Object> p = keyed(key);
        RemoteContext.put(p, "value", value);
        DataWire.putTtl(p, ttl);
        return p;
    }

    private static boolean unpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
