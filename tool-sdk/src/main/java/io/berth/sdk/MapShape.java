package io.berth.sdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code Map<String, V>}: a JSON object with any property names, each value a {@code V}. */
record MapShape(Slot values) implements Shape {

    @Override
    public Kind kind() {
        return Kind.MAP;
    }

    @Override
    public Map<String, Object> schema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("additionalProperties", values.schema(null));
        return schema;
    }

    @Override
    public String expected() {
        return "an object";
    }

    @Override
    public Object bind(Object json, String path, Binding binding) {
        if (!(json instanceof Map<?, ?> map)) {
            binding.mismatch(path, this, json);
            return null;
        }
        Map<String, Object> bound = new LinkedHashMap<>();
        boolean complete = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = values.shape().bind(entry.getValue(), Binding.key(path, key), binding);
            complete &= value != null;
            bound.put(key, value);
        }
        return complete ? Collections.unmodifiableMap(bound) : null;
    }

    @Override
    public Object write(Object value, String path) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalStateException(path + ": a result's map keys must be strings");
            }
            if (entry.getValue() == null) {
                throw new IllegalStateException(Binding.key(path, key) + ": null is not allowed in a result's maps");
            }
            json.put(key, values.shape().write(entry.getValue(), Binding.key(path, key)));
        }
        return json;
    }
}
