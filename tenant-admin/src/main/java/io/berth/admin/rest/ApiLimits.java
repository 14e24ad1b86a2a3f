package io.berth.admin.rest;

/** Limits on what a REST caller may send. */
final class ApiLimits {

    /** Largest request body accepted by the admin APIs (plugin uploads have their own limit). */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** Deepest JSON nesting accepted: admin inputs are flat, so anything deeper is hostile or a mistake. */
    static final int MAX_JSON_DEPTH = 8;

    private ApiLimits() {
    }
}
