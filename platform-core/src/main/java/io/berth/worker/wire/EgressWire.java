package io.berth.worker.wire;

import io.berth.sdk.EgressRequest;
import io.berth.sdk.EgressResponse;

import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plugin's outbound HTTP between worker and host: the request as the plugin built it (the host checks it as it
 * checks a classloader plugin's), and the whole response. Bodies travel as base64; headers as an object of arrays.
 * Header values may be credentials: nothing here logs or prints them.
 */
public final class EgressWire {

    private EgressWire() {
    }

    public static Map<String, Object> request(EgressRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", r.method());
        m.put("url", r.url());
        m.put("headers", headers(r.headers()));
        r.body().ifPresent(b -> m.put("body", Base64.getEncoder().encodeToString(b)));
        r.timeout().ifPresent(t -> m.put("timeout", t.toString()));
        m.put("followRedirects", r.followRedirects());
        return m;
    }

    public static EgressRequest request(Map<String, Object> m) {
        EgressRequest.Builder b = EgressRequest.builder(Fields.string(m, "method"), Fields.string(m, "url"));
        readHeaders(m).forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        if (m.get("body") != null) {
            b.body(bytes(m, "body"));
        }
        String timeout = Fields.optString(m, "timeout");
        if (timeout != null) {
            try {
                b.timeout(Duration.parse(timeout));
            } catch (DateTimeException e) {
                throw new JsonException("'timeout' must be an ISO-8601 duration");
            }
        }
        return b.followRedirects(Fields.bool(m, "followRedirects")).build();
    }

    public static Map<String, Object> response(EgressResponse r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status());
        m.put("headers", headers(r.headers()));
        m.put("body", Base64.getEncoder().encodeToString(r.body()));
        return m;
    }

    public static EgressResponse response(Map<String, Object> m) {
        long status = Fields.integer(m, "status");
        if (status < 100 || status > 999) {
            throw new JsonException("'status' is out of range");
        }
        return new EgressResponse((int) status, readHeaders(m), bytes(m, "body"));
    }

    private static Map<String, Object> headers(Map<String, List<String>> headers) {
        Map<String, Object> m = new LinkedHashMap<>();
        headers.forEach((name, values) -> m.put(name, List.copyOf(values)));
        return m;
    }

    private static Map<String, List<String>> readHeaders(Map<String, Object> m) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Fields.object(m, "headers").forEach((name, values) -> {
            if (!(values instanceof List<?> list)) {
                throw new JsonException("'headers." + name + "' must be an array");
            }
            List<String> strings = new ArrayList<>();
            for (Object v : list) {
                if (!(v instanceof String s)) {
                    throw new JsonException("'headers." + name + "' must hold strings");
                }
                strings.add(s);
            }
            out.put(name, strings);
        });
        return out;
    }

    private static byte[] bytes(Map<String, Object> m, String key) {
        try {
            return Base64.getDecoder().decode(Fields.string(m, key));
        } catch (IllegalArgumentException e) {
            throw new JsonException("'" + key + "' must be base64");
        }
    }
}
