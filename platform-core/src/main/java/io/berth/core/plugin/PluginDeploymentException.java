package io.berth.core.plugin;

import io.berth.core.plugin.verify.Verification;

/**
 * A plugin operation refused, with what the tenant needs to know: {@code kind} maps to an HTTP status, and a refused
 * upload carries the verifier's full report.
 */
public class PluginDeploymentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The JAR failed verification or could not be loaded (422). */
        REJECTED,
        /** It conflicts with what the tenant has (a tool name another plugin offers; 409). */
        CONFLICT,
        /** No such plugin, version or tool (404). */
        NOT_FOUND,
        /** The request is not allowed in the current state (e.g. activating a held version; 409). */
        STATE,
        /** Not allowed for this tenant (the class-loader tier without the operator's vetting; 403). */
        FORBIDDEN
    }

    private final Kind kind;
    private final transient Verification.Rejected report;

    public PluginDeploymentException(Kind kind, String message) {
        this(kind, message, null);
    }

    public PluginDeploymentException(Kind kind, String message, Verification.Rejected report) {
        super(message, null, false, false);
        this.kind = kind;
        this.report = report;
    }

    public Kind kind() {
        return kind;
    }

    /** The verifier's report of a rejected upload, or null. */
    public Verification.Rejected report() {
        return report;
    }
}
