package io.berth.core.plugin.verify;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The violations found so far, each once, up to {@link #MAX}; a hostile JAR can hold millions. */
final class Violations {

    static final int MAX = 200;

    private final Set<Violation> found = new LinkedHashSet<>();
    private boolean truncated;

    void add(Violation violation) {
        if (found.size() < MAX) {
            found.add(violation);
        } else if (!found.contains(violation)) {
            truncated = true;
        }
    }

    List<Violation> list() {
        return List.copyOf(found);
    }

    boolean truncated() {
        return truncated;
    }
}
