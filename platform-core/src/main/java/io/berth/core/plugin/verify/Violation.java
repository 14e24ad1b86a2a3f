package io.berth.core.plugin.verify;

import java.util.Objects;

/**
 * A reference in a plugin's bytecode that the allow-list refuses.
 *
 * @param className binary name of the class holding the reference ({@code com.acme.Tool$1})
 * @param method    name and descriptor of the method holding it ({@code run()V}), or {@link #CLASS_LEVEL} for the
 *                  class's supertypes, fields and annotations
 * @param reference what is referenced: a type ({@code java.io.File}) or a member with its descriptor
 *                  ({@code java.lang.System.exit(I)V})
 * @param rule      why the allow-list refuses it
 */
public record Violation(String className, String method, String reference, String rule) {

    public static final String CLASS_LEVEL = "<class>";

    public Violation {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String toString() {
        return className + " " + method + " -> " + reference + " (" + rule + ")";
    }
}
