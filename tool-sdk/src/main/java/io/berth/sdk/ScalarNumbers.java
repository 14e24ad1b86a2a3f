package io.berth.sdk;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Binds JSON numbers to Java's integer and decimal types. Berth hands numbers over as {@code Long} for integers and
 * {@code BigDecimal} otherwise; an integer may also arrive written as {@code 2.0}, which JSON Schema counts as an
 * integer too. Nothing is rounded or wrapped: a value the target type cannot hold is a problem.
 */
final class ScalarNumbers {

    /** Integers with more digits than this are refused before they are expanded (1e999999999 would not fit memory). */
    private static final int MAX_INTEGER_DIGITS = 400;

    private ScalarNumbers() {
    }

    static Object bind(Scalar scalar, Number json, String path, Binding binding) {
        BigDecimal decimal = decimal(json);
        if (decimal == null) {
            binding.mismatch(path, scalar, json);
            return null;
        }
        if (scalar.kind() == Shape.Kind.NUMBER) {
            return number(scalar, decimal, json, path, binding);
        }
        BigInteger integer = integral(decimal);
        if (integer == null) {
            binding.mismatch(path, scalar, json);
            return null;
        }
        return switch (scalar) {
            case BYTE -> inRange(integer, Byte.MIN_VALUE, Byte.MAX_VALUE, json, path, binding)
                    ? (Object) integer.byteValue() : null;
            case SHORT -> inRange(integer, Short.MIN_VALUE, Short.MAX_VALUE, json, path, binding)
                    ? (Object) integer.shortValue() : null;
            case INT -> inRange(integer, Integer.MIN_VALUE, Integer.MAX_VALUE, json, path, binding)
                    ? (Object) integer.intValue() : null;
            case LONG -> inRange(integer, Long.MIN_VALUE, Long.MAX_VALUE, json, path, binding)
                    ? (Object) integer.longValue() : null;
            default -> integer;
        };
    }

    static Object write(Scalar scalar, Number value, String path) {
        return switch (scalar) {
            case BYTE, SHORT, INT, LONG -> value.longValue();
            case FLOAT, DOUBLE -> {
                double d = value.doubleValue();
                if (!Double.isFinite(d)) {
                    throw new IllegalStateException(path + ": " + d + " is not a JSON number");
                }
                yield d;
            }
            default -> value;
        };
    }

    private static Object number(Scalar scalar, BigDecimal decimal, Number json, String path, Binding binding) {
        if (scalar == Scalar.BIG_DECIMAL) {
            return decimal;
        }
        double d = decimal.doubleValue();
        if (scalar == Scalar.FLOAT) {
            if (Math.abs(d) > Float.MAX_VALUE) {
                binding.problem(path, "expected a number from " + -Float.MAX_VALUE + " to " + Float.MAX_VALUE
                        + ", got " + JsonText.describe(json));
                return null;
            }
            return (float) d;
        }
        if (Double.isInfinite(d)) {
            binding.problem(path, "expected a number from " + -Double.MAX_VALUE + " to " + Double.MAX_VALUE
                    + ", got " + JsonText.describe(json));
            return null;
        }
        return d;
    }

    /** The exact decimal value of a JSON number; null for NaN, infinities and number types JSON never yields. */
    private static BigDecimal decimal(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if ((n instanceof Double || n instanceof Float) && Double.isFinite(n.doubleValue())) {
            return new BigDecimal(n.toString());
        }
        return null;
    }

    /** The integer a decimal is, if it has no fraction and a sane number of digits; null otherwise. */
    private static BigInteger integral(BigDecimal decimal) {
        if (decimal.signum() == 0) {
            return BigInteger.ZERO;
        }
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() > 0 || stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            return null;
        }
        return stripped.toBigIntegerExact();
    }

    private static boolean inRange(BigInteger value, long min, long max, Number json, String path, Binding binding) {
        if (value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0) {
            return true;
        }
        binding.problem(path, "expected an integer from " + min + " to " + max + ", got " + JsonText.describe(json));
        return false;
    }
}
