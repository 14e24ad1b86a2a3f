package io.berth.sdk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.AnnotatedWildcardType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a record type into {@link Shape}s, once, when a tool is declared: every unsupported type, misplaced
 * constraint or cycle is an {@link IllegalArgumentException} naming where it is ({@code SearchArgs.filter.from}).
 */
final class Shapes {

    private static final String SUPPORTED = "supported are String, boolean, the integer and decimal types and their "
            + "boxes, BigInteger, BigDecimal, enums, records, List, Set, Collection, arrays, Map<String, V>, Optional "
            + "(for record components), LocalDate, LocalTime, LocalDateTime, OffsetTime, OffsetDateTime, "
            + "ZonedDateTime, Instant, Duration, UUID, URI and Object (any JSON value)";

    private final Deque<Class<?>> open = new ArrayDeque<>();

    private Shapes() {
    }

    static RecordShape of(Class<?> type) {
        if (type == null || !type.isRecord()) {
            throw new IllegalArgumentException("typed arguments and results must be records: " + type);
        }
        return new Shapes().record(type);
    }

    private RecordShape record(Class<?> type) {
        if (open.contains(type)) {
            String chain = open.stream().map(Class::getSimpleName).collect(Collectors.joining(" -> "));
            throw new IllegalArgumentException("record " + type.getSimpleName() + " contains itself (" + chain
                    + " -> " + type.getSimpleName() + "); a JSON Schema of it would never end, so break the cycle");
        }
        open.addLast(type);
        List<RecordShape.Component> components = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            components.add(component(type, c));
        }
        open.removeLast();
        Description description = type.getAnnotation(Description.class);
        return new RecordShape(type, description == null ? null : description.value(), components,
                constructor(type), Constraints.of(List.of(type.getAnnotations())));
    }

    private RecordShape.Component component(Class<?> record, RecordComponent c) {
        String where = record.getSimpleName() + "." + c.getName();
        List<Annotation> constraints = Constraints.of(declared(record, c));
        Presence presence = Presence.of(c.getType());
        Slot slot;
        if (presence == Presence.REQUIRED) {
            slot = slot(c.getAnnotatedType(), constraints, where);
        } else {
            if (!constraints.isEmpty()) {
                throw new IllegalArgumentException(where + ": constraints on an Optional apply to the Optional, "
                        + "not to its value; write them on the type argument: Optional<@Size(max = 10) String>");
            }
            slot = optionalContent(c.getAnnotatedType(), presence, where);
        }
        Description description = c.getAnnotation(Description.class);
        Method accessor = c.getAccessor();
        accessor.setAccessible(true);
        return new RecordShape.Component(c.getName(), slot, presence,
                description == null ? null : description.value(), accessor);
    }

    /**
     * A component's own annotations: those javac put on the component, its field and its type (a constraint, which
     * targets fields and type uses, lands on both; {@link Constraints#of} keeps it once).
     */
    private static Collection<Annotation> declared(Class<?> record, RecordComponent c) {
        Set<Annotation> all = new LinkedHashSet<>(List.of(c.getAnnotations()));
        try {
            all.addAll(List.of(record.getDeclaredField(c.getName()).getAnnotations()));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("record " + record.getName() + " has no field " + c.getName(), e);
        }
        all.addAll(List.of(c.getAnnotatedType().getAnnotations()));
        return all;
    }

    private Slot optionalContent(AnnotatedType type, Presence presence, String where) {
        switch (presence) {
            case OPTIONAL_INT:
                return new Slot(Scalar.INT, List.of());
            case OPTIONAL_LONG:
                return new Slot(Scalar.LONG, List.of());
            case OPTIONAL_DOUBLE:
                return new Slot(Scalar.DOUBLE, List.of());
            default:
                AnnotatedType content = typeArgument(type, 0, where);
                List<Annotation> constraints = Constraints.of(List.of(content.getAnnotations()));
                for (Annotation a : constraints) {
                    if (a instanceof NotNull || a instanceof NotBlank || a instanceof NotEmpty) {
                        throw new IllegalArgumentException(where + ": @" + a.annotationType().getSimpleName()
                                + " in an Optional rejects an absent value, so the component would be required after "
                                + "all; make it required, or use @Size(min = 1) or @Pattern for \"if given, not "
                                + "empty\"");
                    }
                }
                return slot(content, constraints, where);
        }
    }

    private Slot slot(AnnotatedType type, List<Annotation> constraints, String where) {
        Shape shape = shape(type, where);
        Constraints.check(shape, constraints, where);
        return new Slot(shape, constraints);
    }

    private Shape shape(AnnotatedType annotated, String where) {
        Type type = annotated.getType();
        if (annotated instanceof AnnotatedWildcardType wildcard) {
            AnnotatedType[] upper = wildcard.getAnnotatedUpperBounds();
            return shape(upper.length == 0 ? annotated : upper[0], where);
        }
        if (type instanceof ParameterizedType parameterized) {
            return parameterized((Class<?>) parameterized.getRawType(), annotated, where);
        }
        if (!(type instanceof Class<?> c)) {
            throw new IllegalArgumentException(where + ": " + type.getTypeName() + " is not a concrete type; "
                    + SUPPORTED);
        }
        if (c.isArray()) {
            // As Jakarta Validation does, constraints are not applied to array items: use a List for that.
            AnnotatedType items = ((AnnotatedArrayType) annotated).getAnnotatedGenericComponentType();
            return new ArrayShape(ArrayShape.Container.ARRAY, slot(items, List.of(), where + "[]"),
                    c.getComponentType());
        }
        if (c.isEnum()) {
            return EnumShape.of(c);
        }
        if (c.isRecord()) {
            return record(c);
        }
        if (c == Object.class) {
            return AnyShape.INSTANCE;
        }
        return Scalar.of(c).orElseThrow(() -> new IllegalArgumentException(where + ": " + c.getName()
                + (Presence.of(c) != Presence.REQUIRED ? " is allowed only as the type of a record component"
                : c == List.class || c == Set.class || c == Map.class || c == Collection.class
                ? " needs its type arguments" : " is not supported; " + SUPPORTED)));
    }

    private Shape parameterized(Class<?> raw, AnnotatedType annotated, String where) {
        if (raw == List.class || raw == Collection.class || raw == Set.class) {
            AnnotatedType items = typeArgument(annotated, 0, where);
            return new ArrayShape(raw == Set.class ? ArrayShape.Container.SET : ArrayShape.Container.LIST,
                    slot(items, Constraints.of(List.of(items.getAnnotations())), where + "[]"), null);
        }
        if (raw == Map.class) {
            if (typeArgument(annotated, 0, where).getType() != String.class) {
                throw new IllegalArgumentException(where + ": map keys must be Strings, as JSON object keys are");
            }
            AnnotatedType values = typeArgument(annotated, 1, where);
            return new MapShape(slot(values, Constraints.of(List.of(values.getAnnotations())), where + "[]"));
        }
        if (Presence.of(raw) != Presence.REQUIRED) {
            throw new IllegalArgumentException(where + ": Optional is allowed only as the type of a record "
                    + "component");
        }
        throw new IllegalArgumentException(where + ": " + annotated.getType().getTypeName() + " is not supported; "
                + SUPPORTED);
    }

    private static AnnotatedType typeArgument(AnnotatedType type, int index, String where) {
        if (!(type instanceof AnnotatedParameterizedType parameterized)) {
            throw new IllegalArgumentException(where + ": " + type.getType().getTypeName()
                    + " needs its type arguments");
        }
        return parameterized.getAnnotatedActualTypeArguments()[index];
    }

    private static Constructor<?> constructor(Class<?> type) {
        Class<?>[] parameters = java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(parameters);
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
        }
    }
}
