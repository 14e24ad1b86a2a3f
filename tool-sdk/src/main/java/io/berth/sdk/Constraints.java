package io.berth.sdk;

import jakarta.validation.Constraint;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.berth.sdk.Shape.Kind;

/**
 * Jakarta Validation constraints in the generated schema. Where a built-in constraint has a JSON Schema keyword it
 * appears there, so the model sees the rule before it calls; the constraint is checked at call time in any case.
 * A built-in constraint on a value it cannot apply to is refused when the tool is declared, not on every call.
 * Constraints of other kinds (custom ones) are checked but have no keyword.
 */
final class Constraints {

    private static final Set<Kind> SIZED = Set.of(Kind.STRING, Kind.ARRAY, Kind.MAP);
    private static final Set<Kind> NUMERIC = Set.of(Kind.INTEGER, Kind.NUMBER);
    private static final Map<Class<? extends Annotation>, Set<Kind>> APPLIES_TO = Map.ofEntries(
            Map.entry(NotNull.class, Set.of(Kind.values())), Map.entry(Null.class, Set.of()),
            Map.entry(NotBlank.class, Set.of(Kind.STRING)), Map.entry(NotEmpty.class, SIZED),
            Map.entry(Size.class, SIZED), Map.entry(Pattern.class, Set.of(Kind.STRING)),
            Map.entry(Email.class, Set.of(Kind.STRING)), Map.entry(Min.class, NUMERIC), Map.entry(Max.class, NUMERIC),
            Map.entry(DecimalMin.class, NUMERIC), Map.entry(DecimalMax.class, NUMERIC),
            Map.entry(Positive.class, NUMERIC), Map.entry(PositiveOrZero.class, NUMERIC),
            Map.entry(Negative.class, NUMERIC), Map.entry(NegativeOrZero.class, NUMERIC),
            Map.entry(Digits.class, NUMERIC), Map.entry(AssertTrue.class, Set.of(Kind.BOOLEAN)),
            Map.entry(AssertFalse.class, Set.of(Kind.BOOLEAN)), Map.entry(Past.class, Set.of(Kind.TEMPORAL)),
            Map.entry(PastOrPresent.class, Set.of(Kind.TEMPORAL)), Map.entry(Future.class, Set.of(Kind.TEMPORAL)),
            Map.entry(FutureOrPresent.class, Set.of(Kind.TEMPORAL)));

    private Constraints() {
    }

    /** The constraints among {@code annotations}, repeated ones ({@code @Pattern.List}) taken apart, duplicates once. */
    static List<Annotation> of(Collection<Annotation> annotations) {
        Set<Annotation> constraints = new LinkedHashSet<>();
        for (Annotation a : annotations) {
            if (isConstraint(a.annotationType())) {
                constraints.add(a);
            } else {
                constraints.addAll(repeated(a));
            }
        }
        return List.copyOf(constraints);
    }

    /** Refuses a built-in constraint on a value it does not apply to. */
    static void check(Shape shape, List<Annotation> constraints, String where) {
        for (Annotation a : constraints) {
            Set<Kind> kinds = APPLIES_TO.get(a.annotationType());
            if (kinds != null && !kinds.contains(shape.kind())) {
                throw new IllegalArgumentException(where + ": @" + a.annotationType().getSimpleName()
                        + (kinds.isEmpty() ? " cannot hold for an argument, which is never null"
                        : " does not apply to " + shape.expected()));
            }
        }
    }

    /** Adds the keywords of {@code constraints} on a value of {@code shape} to {@code schema}. */
    static void apply(Map<String, Object> schema, Shape shape, List<Annotation> constraints) {
        Keywords keywords = new Keywords(shape.kind());
        for (Annotation a : constraints) {
            keywords.add(a);
        }
        keywords.writeTo(schema);
    }

    private static boolean isConstraint(Class<? extends Annotation> type) {
        return type.isAnnotationPresent(Constraint.class);
    }

    /** The constraints a repeatable-annotation container holds, if {@code a} is one. */
    private static List<Annotation> repeated(Annotation a) {
        try {
            Method value = a.annotationType().getMethod("value");
            Class<?> returns = value.getReturnType();
            if (!returns.isArray() || !returns.getComponentType().isAnnotation()
                    || !returns.getComponentType().isAnnotationPresent(Constraint.class)) {
                return List.of();
            }
            value.setAccessible(true);
            List<Annotation> held = new ArrayList<>();
            for (Object each : (Object[]) value.invoke(a)) {
                held.add((Annotation) each);
            }
            return held;
        } catch (NoSuchMethodException e) {
            return List.of();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read @" + a.annotationType().getSimpleName(), e);
        }
    }
}
