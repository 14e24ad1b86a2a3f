package io.berth.sdk;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code Object}: any JSON value but null, kept as plain Java (see the package documentation). */
enum AnyShape implements Shape {
    INSTANCE;

    @Override
    public Kind kind() {
        return Kind.ANY;
    }

    @Override
    public Map<String, Object> schema() {
        return new LinkedHashMap<>();
    }

    @Override
    public String expected() {
        return "a JSON value other than null";
    }

    @Override
    public Object bind(Object json, String path, Binding binding) {
        if (json == null) {
            binding.mismatch(path, this, json);
            return null;
        }
        return Frozen.value(json);
    }

    @Override
    public Object write(Object value, String path) {
        JsonText.requireJson(value, path);
        return value;
    }
}
