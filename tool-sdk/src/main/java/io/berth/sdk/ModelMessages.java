package io.berth.sdk;

import jakarta.validation.MessageInterpolator;
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
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Violation messages written for the model that made the call, in English whatever the server's locale. A constraint
 * with a message of its own keeps it, with {@code {attribute}} replaced by the constraint's attribute; nothing else
 * is interpreted: no resource bundles and, above all, no expression language, which would run in the host on the
 * plugin's behalf.
 */
final class ModelMessages implements MessageInterpolator {

    @Override
    public String interpolate(String template, Context context) {
        Annotation a = context.getConstraintDescriptor().getAnnotation();
        Map<String, Object> attributes = context.getConstraintDescriptor().getAttributes();
        String standard = "{" + a.annotationType().getName() + ".message}";
        if (!template.equals(standard)) {
            return substitute(template, attributes);
        }
        String builtIn = builtIn(a, context.getValidatedValue());
        return builtIn != null ? builtIn : "does not satisfy @" + a.annotationType().getSimpleName();
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
        return interpolate(template, context);
    }

    private static String builtIn(Annotation a, Object value) {
        if (a instanceof Size s) {
            return size(s.min(), s.max(), value);
        }
        if (a instanceof Min m) {
            return "must be at least " + m.value();
        }
        if (a instanceof Max m) {
            return "must be at most " + m.value();
        }
        if (a instanceof DecimalMin d) {
            return (d.inclusive() ? "must be at least " : "must be greater than ") + d.value();
        }
        if (a instanceof DecimalMax d) {
            return (d.inclusive() ? "must be at most " : "must be less than ") + d.value();
        }
        if (a instanceof Pattern p) {
            return "must match the regular expression " + p.regexp();
        }
        if (a instanceof Digits d) {
            return "must have at most " + d.integer() + " digits before the decimal point and " + d.fraction()
                    + " after it";
        }
        return fixed(a);
    }

    private static String fixed(Annotation a) {
        return a instanceof NotBlank ? "must not be blank"
                : a instanceof NotEmpty ? "must not be empty"
                : a instanceof NotNull ? "must not be null"
                : a instanceof Null ? "must be null"
                : a instanceof Positive ? "must be greater than 0"
                : a instanceof PositiveOrZero ? "must be at least 0"
                : a instanceof Negative ? "must be less than 0"
                : a instanceof NegativeOrZero ? "must be at most 0"
                : a instanceof Email ? "must be a well-formed e-mail address"
                : a instanceof AssertTrue ? "must be true"
                : a instanceof AssertFalse ? "must be false"
                : a instanceof Past ? "must be in the past"
                : a instanceof PastOrPresent ? "must not be in the future"
                : a instanceof Future ? "must be in the future"
                : a instanceof FutureOrPresent ? "must not be in the past"
                : null;
    }

    private static String size(int min, int max, Object value) {
        String unit = value instanceof CharSequence ? "character" : value instanceof Map ? "entry" : "item";
        boolean text = value instanceof CharSequence;
        String verb = text ? "must be " : "must have ";
        String tail = text ? " long" : "";
        if (min == max) {
            return verb + "exactly " + count(min, unit) + tail;
        }
        if (max == Integer.MAX_VALUE) {
            return verb + "at least " + count(min, unit) + tail;
        }
        if (min <= 0) {
            return verb + "at most " + count(max, unit) + tail;
        }
        return verb + "from " + min + " to " + count(max, unit) + tail;
    }

    private static String count(int n, String unit) {
        String plural = unit.equals("entry") ? "entries" : unit + "s";
        return n + " " + (n == 1 ? unit : plural);
    }

    /** Replaces {@code {name}} by the attribute's value; leaves everything else as written. */
    private static String substitute(String template, Map<String, Object> attributes) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                out.append(template, i, template.length());
                break;
            }
            String name = template.substring(open + 1, close);
            Object value = attributes.get(name);
            out.append(template, i, open).append(value == null || value.getClass().isArray()
                    || value instanceof Collection ? template.substring(open, close + 1) : String.valueOf(value));
            i = close + 1;
        }
        return out.toString();
    }
}
