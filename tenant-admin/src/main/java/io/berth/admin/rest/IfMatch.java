package io.berth.admin.rest;

import io.berth.core.http.Problem;
import io.berth.core.http.ProblemException;

/** Reads an {@code If-Match} header holding one of this API's ETags (a version number in quotes). */
public final class IfMatch {

    private IfMatch() {
    }

    /** The version {@code ifMatch} asks for; {@code null} when absent or {@code *}; a 412 problem when malformed. */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            try {
                return Long.parseLong(v.substring(1, v.length() - 1));
            } catch (NumberFormatException ignored) {
                // falls through to the refusal below
            }
        }
        throw mismatch("If-Match must be an ETag returned by this API, such as \"3\".");
    }

    /** The 412 problem for a resource that changed since the caller read it. */
    public static ProblemException mismatch(String detail) {
        return new ProblemException(Problem.of("version-mismatch", "Version mismatch", 412, detail));
    }
}
