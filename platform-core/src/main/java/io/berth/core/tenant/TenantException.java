package io.berth.core.tenant;

/** Why a tenant operation was refused. Messages are safe to show to the operator who asked. */
public abstract sealed class TenantException extends RuntimeException
        permits TenantException.NotFound, TenantException.AlreadyExists, TenantException.VersionMismatch {

    private static final long serialVersionUID = 1L;

    private TenantException(String message) {
        super(message);
    }

    public static final class NotFound extends TenantException {
        private static final long serialVersionUID = 1L;

        public NotFound(String id) {
            super("No tenant with id '" + id + "'");
        }
    }

    public static final class AlreadyExists extends TenantException {
        private static final long serialVersionUID = 1L;

        public AlreadyExists(String id) {
            super("A tenant with id '" + id + "' already exists");
        }
    }

    public static final class VersionMismatch extends TenantException {
        private static final long serialVersionUID = 1L;

        public VersionMismatch(String id, long expected, long actual) {
            super("Tenant '" + id + "' is at version " + actual + ", not " + expected + ": read it again and retry");
        }
    }
}
