package io.berth.sdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An enum: a string that is one of the constants' names, exactly as declared. */
record EnumShape(Class<?> type, List<String> names) implements Shape {

    EnumShape {
        names = List.copyOf(names);
    }

    static EnumShape of(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            names.add(((Enum<?>) constant).name());
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has no constants, so no value would be valid");
        }
        return new EnumShape(type, names);
    }

    @Override
    public Kind kind() {
        return Kind.TEXT;
    }

    @Override
    public Map<String, Object> schema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "string");
        schema.put("enum", names);
        return schema;
    }

    @Override
    public String expected() {
        return "one of " + names.stream().map(JsonText::write).collect(Collectors.joining(", "));
    }

    @Override
    public Object bind(Object json, String path, Binding binding) {
        int at = json instanceof String s ? names.indexOf(s) : -1;
        if (at < 0) {
            binding.mismatch(path, this, json);
            return null;
        }
        return type.getEnumConstants()[at];
    }

    @Override
    public Object write(Object value, String path) {
        return ((Enum<?>) value).name();
    }
}
