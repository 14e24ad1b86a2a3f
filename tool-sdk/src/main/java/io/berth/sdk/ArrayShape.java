package io.berth.sdk;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON array, held in Java as a {@code List} (or {@code Collection}), a {@code Set} (whose items must be unique:
 * {@code uniqueItems}) or an array. Bound lists and sets are unmodifiable and keep the call's order.
 *
 * @param arrayType the Java array's component type, for {@link Container#ARRAY} only
 */
record ArrayShape(Container container, Slot items, Class<?> arrayType) implements Shape {

    enum Container { LIST, SET, ARRAY }

    @Override
    public Kind kind() {
        return Kind.ARRAY;
    }

    @Override
    public Map<String, Object> schema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "array");
        schema.put("items", items.schema(null));
        if (container == Container.SET) {
            schema.put("uniqueItems", true);
        }
        return schema;
    }

    @Override
    public String expected() {
        return "an array";
    }

    @Override
    public Object bind(Object json, String path, Binding binding) {
        if (!(json instanceof List<?> list)) {
            binding.mismatch(path, this, json);
            return null;
        }
        List<Object> bound = new ArrayList<>(list.size());
        boolean complete = true;
        for (int i = 0; i < list.size(); i++) {
            Object item = items.shape().bind(list.get(i), Binding.index(path, i), binding);
            complete &= item != null;
            bound.add(item);
        }
        if (!complete) {
            return null;
        }
        return switch (container) {
            case LIST -> Collections.unmodifiableList(bound);
            case SET -> unique(bound, path, binding);
            case ARRAY -> array(bound);
        };
    }

    @Override
    public Object write(Object value, String path) {
        List<Object> json = new ArrayList<>();
        int i = 0;
        for (Object item : container == Container.ARRAY ? arrayItems(value) : (Collection<?>) value) {
            String at = Binding.index(path, i++);
            if (item == null) {
                throw new IllegalStateException(at + ": null is not allowed in a result's arrays");
            }
            json.add(items.shape().write(item, at));
        }
        return json;
    }

    private static Set<Object> unique(List<Object> bound, String path, Binding binding) {
        Set<Object> set = new LinkedHashSet<>();
        for (Object item : bound) {
            if (!set.add(item)) {
                binding.problem(path, "the items must be unique, but " + JsonText.describe(item instanceof Enum<?> e
                        ? e.name() : item) + " appears more than once");
                return null;
            }
        }
        return Collections.unmodifiableSet(set);
    }

    private Object array(List<Object> bound) {
        Object array = Array.newInstance(arrayType, bound.size());
        for (int i = 0; i < bound.size(); i++) {
            Array.set(array, i, bound.get(i));
        }
        return array;
    }

    private static List<Object> arrayItems(Object array) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < Array.getLength(array); i++) {
            list.add(Array.get(array, i));
        }
        return list;
    }
}
