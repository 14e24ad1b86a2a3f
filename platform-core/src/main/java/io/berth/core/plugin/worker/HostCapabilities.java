package io.berth.core.plugin.worker;

import io.berth.sdk.EgressRequest;
import io.berth.sdk.ToolContext;
import io.berth.worker.wire.CallerWire;
import io.berth.worker.wire.DataWire;
import io.berth.worker.wire.EgressWire;
import io.berth.worker.wire.Fields;
import io.berth.worker.wire.JsonException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The capabilities a plugin reaches through the host: caller, data store, egress and secrets, each served from the
 * call's own {@link ToolContext}. That context was granted for the plugin being called (tenant and plugin fixed by
 * Berth), so nothing the worker sends can name another tenant or plugin, and the host's checks (quota, allow-list,
 * address pinning, budgets) apply as they do to a classloader plugin. Params are read strictly before the capability
 * is touched; arguments a plugin may get wrong (null or invalid keys, values, names) are passed on as they came, for
 * the host's own checks to refuse with their messages.
 */
final class HostCapabilities {

    private HostCapabilities() {
    }

    static void register(ContextBridge bridge) {
        bridge.register("caller", (c, p) -> CallerWire.caller(c.caller()));
        bridge.register("data", (c, p) -> {
            c.data();
            return Map.of();
        });
        bridge.register("data.get", (c, p) -> {
            String key = Fields.optString(p, "key");
            return DataWire.entry(c.data().get(key));
        });
        bridge.register("data.put", (c, p) -> {
            Write w = Write.of(p);
            return DataWire.entry(Optional.of(c.data().put(w.key(), w.value(), w.ttl())));
        });
        bridge.register("data.putIfAbsent", (c, p) -> {
            Write w = Write.of(p);
            return DataWire.entry(c.data().putIfAbsent(w.key(), w.value(), w.ttl()));
        });
        bridge.register("data.compareAndSet", (c, p) -> {
            long expected = Fields.integer(p, "expectedVersion");
            Write w = Write.of(p);
            return DataWire.entry(c.data().compareAndSet(w.key(), expected, w.value(), w.ttl()));
        });
        bridge.register("data.delete", (c, p) -> {
            String key = Fields.optString(p, "key");
            return value(c.data().delete(key));
        });
        bridge.register("data.list", (c, p) -> {
            String prefix = Fields.optString(p, "prefix");
            int limit = limit(p);
            String cursor = Fields.optString(p, "cursor");
            return DataWire.page(c.data().list(prefix, limit, cursor));
        });
        bridge.register("http", (c, p) -> {
            c.http();
            return Map.of();
        });
        bridge.register("http.send", (c, p) -> {
            EgressRequest request = EgressWire.request(Fields.object(p, "request"));
            return EgressWire.response(c.http().send(request));
        });
        bridge.register("secret", (c, p) -> {
            String name = Fields.optString(p, "name");
            return CallerWire.secret(c.secret(name));
        });
    }

    /** The arguments of a data store write, read before the store is touched. */
    private record Write(String key, String value, Duration ttl) {
        static Write of(Map<String, Object> p) {
            return new Write(Fields.optString(p, "key"), Fields.optString(p, "value"), DataWire.ttl(p));
        }
    }

    /** An int as the plugin passed it; out of range means the worker did not send what a plugin can pass. */
    private static int limit(Map<String, Object> p) {
        long limit = Fields.integer(p, "limit");
        if (limit < Integer.MIN_VALUE || limit > Integer.MAX_VALUE) {
            throw new JsonException("'limit' is out of range");
        }
        return (int) limit;
    }

    private static Map<String, Object> value(boolean value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        return m;
    }
}
