package io.berth.core.plugin.verify;

import java.util.List;
import java.util.Objects;

/** The answer to an upload: the plugin as checked, or everything that is wrong with it. */
public sealed interface Verification {

    /** Hex SHA-256 of the uploaded bytes, recorded whatever the outcome. */
    String sha256();

    /** Every check passed. */
    record Accepted(PluginArchive plugin) implements Verification {

        public Accepted {
            Objects.requireNonNull(plugin, "plugin");
        }

        @Override
        public String sha256() {
            return plugin.sha256();
        }
    }

    /**
     * At least one check failed.
     *
     * @param problems   what is wrong with the archive, its entries, descriptors or class files
     * @param violations references the bytecode allow-list refuses
     * @param truncated  true when more violations were found than are listed
     */
    record Rejected(String sha256, List<Problem> problems, List<Violation> violations, boolean truncated)
            implements Verification {

        public Rejected {
            Objects.requireNonNull(sha256, "sha256");
            problems = List.copyOf(problems);
            violations = List.copyOf(violations);
            if (problems.isEmpty() && violations.isEmpty()) {
                throw new IllegalArgumentException("A rejection names at least one problem or violation");
            }
        }
    }
}
