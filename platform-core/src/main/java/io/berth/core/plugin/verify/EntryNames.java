package io.berth.core.plugin.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Rules for entry paths. Berth reads plugins from memory, but a worker may unpack them and tools written against one
 * reading of a path may meet another: so a path must be relative, free of {@code .} and {@code ..} segments,
 * backslashes, drive letters and control characters, and unique even when case is ignored (two names one file system
 * folds into one file could pass the checks as one and run as the other).
 */
final class EntryNames {

    static final int MAX_LENGTH = 512;

    /** Archives inside the plugin could only be loaded by a class loader of its own, which plugins may not create. */
    private static final List<String> NESTED_ARCHIVES = List.of(".jar", ".war", ".ear", ".jmod");

    private EntryNames() {
    }

    /** A problem with this one path, if any. */
    static Optional<String> problem(String name) {
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            return Optional.of("an entry path must have 1 to " + MAX_LENGTH + " characters");
        }
        if (name.startsWith("/") || name.length() > 1 && Character.isLetter(name.charAt(0)) && name.charAt(1) == ':') {
            return Optional.of("absolute path");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("backslash in path");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("control character (NUL, newline, ...) in path");
        }
        String body = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : body.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.of("path segment '" + segment + "' (empty, '.' or '..') is not allowed");
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (NESTED_ARCHIVES.stream().anyMatch(lower::endsWith)) {
            return Optional.of("nested archives are not supported; put their classes into the plugin JAR");
        }
        return Optional.empty();
    }

    /** Problems for every path that repeats an earlier one, exactly or ignoring case. */
    static List<Problem> duplicates(List<String> names) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (String name : names) {
            String first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (first != null) {
                problems.add(new Problem(name, first.equals(name) ? "duplicate entry"
                        : "differs only in case from entry " + first));
            }
        }
        return problems;
    }
}
