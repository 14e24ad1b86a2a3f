package io.berth.core.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between JSON-P values and the plain Java values of the tool SDK: {@code Map} (insertion-ordered),
 * {@code List}, {@code String}, {@code Long}/{@code BigDecimal}, {@code Boolean}, {@code null}.
 */
public final class PlainJson {

    private PlainJson() {
    }

    public static Object toJava(JsonValue value) {
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case OBJECT -> toJava((JsonObject) value);
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonValue v : (JsonArray) value) {
                    list.add(toJava(v));
                }
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> number((JsonNumber) value);
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    public static Map<String, Object> toJava(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((k, v) -> map.put(k, toJava(v)));
        return map;
    }

    /** A JSON value for a plain Java value; anything else is a programming error of the plugin. */
    public static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Map<?, ?> map) {
            return toJsonObject(map);
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder b = JsonFactories.BUILDERS.createArrayBuilder();
            list.forEach(v -> b.add(toJson(v)));
            return b.build();
        }
        if (value instanceof String s) {
            return JsonFactories.PROVIDER.createValue(s);
        }
        if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return JsonFactories.PROVIDER.createValue(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return JsonFactories.PROVIDER.createValue(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal d) {
            return JsonFactories.PROVIDER.createValue(d);
        }
        if (value instanceof BigInteger i) {
            return JsonFactories.PROVIDER.createValue(i);
        }
        throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
    }

    public static JsonObject toJsonObject(Map<?, ?> map) {
        JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder();
        map.forEach((k, v) -> b.add(String.valueOf(k), toJson(v)));
        return b.build();
    }

    private static Number number(JsonNumber n) {
        if (n.isIntegral()) {
            BigDecimal d = n.bigDecimalValue();
            return d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                    && d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0 ? (Number) d.longValueExact() : d;
        }
        return n.bigDecimalValue();
    }
}
