package io.berth.sdk;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A record: a JSON object whose properties are the record's components, in their order, and nothing else
 * ({@code additionalProperties: false}). A component is required unless its type is an {@code Optional}. A bound record
 * is built with its canonical constructor; an {@link IllegalArgumentException} from it is a problem of the call.
 *
 * @param classConstraints constraints on the record type itself (checked when the record could be built)
 */
record RecordShape(Class<?> type, String description, List<Component> components, Constructor<?> constructor,
                   List<Annotation> classConstraints) implements Shape {

    /** One component: its JSON property name is the component's name. */
    record Component(String name, Slot slot, Presence presence, String description, Method accessor) {
    }

    RecordShape {
        components = List.copyOf(components);
        classConstraints = List.copyOf(classConstraints);
    }

    @Override
    public Kind kind() {
        return Kind.RECORD;
    }

    @Override
    public Map<String, Object> schema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        if (description != null) {
            schema.put("description", description);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Component c : components) {
            properties.put(c.name(), c.slot().schema(c.description()));
            if (c.presence() == Presence.REQUIRED) {
                required.add(c.name());
            }
        }
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
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
        int before = binding.problemCount();
        unknownProperties(map, path, binding);
        Object[] values = new Object[components.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = component(components.get(i), map, path, binding);
        }
        if (binding.problemCount() > before) {
            validateWhatWasBound(values, path, binding);
            return null;
        }
        Object instance = construct(values, path, binding);
        if (instance != null && constrained() && binding.validator() != null) {
            report(binding.validator().validate(instance, path), binding);
        }
        return instance;
    }

    @Override
    public Object write(Object value, String path) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Component c : components) {
            String at = Binding.property(path, c.name());
            Object v = c.presence().unwrap(read(c, value), at);
            if (v != null) {
                json.put(c.name(), c.slot().shape().write(v, at));
            }
        }
        return json;
    }

    /** Whether this record has constraints of its own to check (those of nested records are theirs). */
    boolean constrained() {
        return !classConstraints.isEmpty() || components.stream().anyMatch(c -> c.slot().constrained());
    }

    boolean constrainedAnywhere() {
        return !classConstraints.isEmpty() || components.stream().anyMatch(c -> c.slot().constrainedAnywhere());
    }

    private void unknownProperties(Map<?, ?> map, String path, Binding binding) {
        for (Object key : map.keySet()) {
            String name = String.valueOf(key);
            if (components.stream().noneMatch(c -> c.name().equals(name))) {
                binding.problem(Binding.property(path, name), components.isEmpty() ? "unknown property; none are "
                        + "expected" : "unknown property; expected only " + components.stream().map(Component::name)
                        .collect(Collectors.joining(", ")));
            }
        }
    }

    private static Object component(Component c, Map<?, ?> map, String path, Binding binding) {
        String at = Binding.property(path, c.name());
        Object json = map.get(c.name());
        if (c.presence() != Presence.REQUIRED) {
            Object value = json == null ? null : c.slot().shape().bind(json, at, binding);
            return json == null ? c.presence().empty() : value == null ? null : c.presence().wrap(value);
        }
        if (!map.containsKey(c.name())) {
            binding.problem(at, "missing; expected " + c.slot().shape().expected());
            return null;
        }
        return c.slot().shape().bind(json, at, binding);
    }

    /** When the record cannot be built, its components that could be bound are still checked, one by one. */
    private void validateWhatWasBound(Object[] values, String path, Binding binding) {
        if (binding.validator() == null) {
            return;
        }
        List<ArgumentValidator.Found> found = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Component c = components.get(i);
            if (values[i] != null && c.slot().constrained()) {
                found.addAll(binding.validator().validateValue(type, c.name(), values[i], path));
            }
        }
        report(found, binding);
    }

    /** Reports violations in component order (the record's own first), then by path and message. */
    private void report(List<ArgumentValidator.Found> found, Binding binding) {
        List<String> names = components.stream().map(Component::name).toList();
        found.stream()
                .sorted(Comparator.comparingInt((ArgumentValidator.Found f) -> names.indexOf(f.component()))
                        .thenComparing(ArgumentValidator.Found::path).thenComparing(ArgumentValidator.Found::message))
                .forEach(f -> binding.problem(f.path(), f.message()));
    }

    private Object construct(Object[] values, String path, Binding binding) {
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException invalid) {
                binding.problem(path, invalid.getMessage() == null ? "invalid" : invalid.getMessage());
                return null;
            }
            if (cause instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    private static Object read(Component c, Object record) {
        try {
            return c.accessor().invoke(record);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + c.name(), e);
        }
    }
}
