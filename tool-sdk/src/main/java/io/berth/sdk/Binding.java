package io.berth.sdk;

import java.util.ArrayList;
import java.util.List;

/** One binding of a call's arguments: the problems found so far, each with its path, and the validator to use. */
final class Binding {

    private final List<String> problems = new ArrayList<>();
    private final ArgumentValidator validator;

    /** {@code validator}: where records with constraints are checked; null when no record has any. */
    Binding(ArgumentValidator validator) {
        this.validator = validator;
    }

    void problem(String path, String message) {
        problems.add(path + ": " + message);
    }

    /** Reports that {@code json} is not what {@code shape} expects. */
    void mismatch(String path, Shape shape, Object json) {
        problem(path, "expected " + shape.expected() + ", got " + JsonText.describe(json));
    }

    List<String> problems() {
        return problems;
    }

    int problemCount() {
        return problems.size();
    }

    ArgumentValidator validator() {
        return validator;
    }

    /** The path of property {@code name} below {@code path}. */
    static String property(String path, String name) {
        return path + "." + name;
    }

    static String index(String path, int index) {
        return path + "[" + index + "]";
    }

    static String key(String path, String key) {
        return path + "[" + JsonText.write(key) + "]";
    }
}
