package io.berth.sdk.safety;

import io.berth.sdk.ToolException;

import java.util.Optional;

/**
 * Lengths in Unicode code points, as JSON Schema's {@code maxLength} counts them, not in Java {@code char}s: an emoji
 * is one, not two, and a cut never splits one in half.
 */
public final class Lengths {

    private Lengths() {
    }

    public static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }

    /** What is wrong with {@code text} as a {@code what} of at most {@code max} code points, if anything. */
    public static Optional<String> problem(String text, int max, String what) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
        if (text == null) {
            return Optional.of(what + " is missing");
        }
        int length = codePoints(text);
        return length <= max ? Optional.empty()
                : Optional.of(what + " must be at most " + max + " characters long, not " + length);
    }

    /** {@code text}, if it has at most {@code max} code points; a {@link ToolException} naming {@code what} if not. */
    public static String require(String text, int max, String what) throws ToolException {
        Optional<String> problem = problem(text, max, what);
        if (problem.isPresent()) {
            throw new ToolException(problem.get());
        }
        return text;
    }

    /** The first {@code max} code points of {@code text}: {@code text} itself when it is no longer. */
    public static String truncate(String text, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
        if (text.length() <= max) {
            return text;
        }
        int end = max <= 0 ? 0 : text.offsetByCodePoints(0, Math.min(max, codePoints(text)));
        return text.substring(0, end);
    }

    /**
     * As {@link #truncate(String, int)}, ending with {@code marker} (e.g. {@code "…"}) when something was cut; the
     * result, marker included, has at most {@code max} code points.
     */
    public static String truncate(String text, int max, String marker) {
        if (codePoints(text) <= max) {
            return text;
        }
        int room = max - codePoints(marker);
        return room < 0 ? truncate(marker, max) : truncate(text, room) + marker;
    }
}
