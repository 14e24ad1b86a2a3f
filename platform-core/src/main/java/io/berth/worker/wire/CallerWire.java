package io.berth.worker.wire;

import io.berth.sdk.Caller;
import io.berth.sdk.Secret;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who calls, and the secrets the tenant trusts a plugin with, between host and worker. A secret's value is in the
 * answer to the plugin's own {@code secret(name)} request and nowhere else; nothing here logs it.
 */
public final class CallerWire {

    private CallerWire() {
    }

    public static Map<String, Object> caller(Caller c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", c.subject());
        m.put("clientId", c.clientId());
        m.put("scopes", new ArrayList<>(new TreeSet<>(c.scopes())));
        return m;
    }

    public static Caller caller(Map<String, Object> m) {
        List<String> scopes = InputWire.strings(Fields.list(m, "scopes"));
        return new Caller(Fields.string(m, "subject"), Fields.optString(m, "clientId"), new TreeSet<>(scopes));
    }

    /** {@code {secret: {name, value} | null}}. */
    public static Map<String, Object> secret(Optional<Secret> secret) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("secret", secret.map(s -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", s.name());
            o.put("value", s.reveal());
            return o;
        }).orElse(null));
        return m;
    }

    public static Optional<Secret> readSecret(Map<String, Object> answer) {
        Map<String, Object> s = Fields.optObject(answer, "secret");
        return s == null ? Optional.empty() : Optional.of(new Secret(Fields.string(s, "name"), Fields.string(s, "value")));
    }
}
