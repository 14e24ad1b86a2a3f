package io.berth.core.mcp;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.TreeMap;

/**
 * A JSON value written with object members sorted by name, so that two clients serializing the same arguments in a
 * different member order get the same digest.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    static String digest(JsonValue value) {
        StringWriter out = new StringWriter();
        write(value, out);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(out.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static void write(JsonValue value, StringWriter out) {
        if (value instanceof JsonObject o) {
            out.write('{');
            boolean first = true;
            for (var e : new TreeMap<>(o).entrySet()) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                out.write(io.berth.core.json.JsonFactories.PROVIDER.createValue(e.getKey()).toString());
                out.write(':');
                write(e.getValue(), out);
            }
            out.write('}');
        } else if (value instanceof JsonArray a) {
            out.write('[');
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                write(a.get(i), out);
            }
            out.write(']');
        } else if (value instanceof JsonString s) {
            out.write(s.toString());
        } else {
            out.write(value.toString());
        }
    }
}
