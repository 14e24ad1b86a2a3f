/**
 * Berth's administration surface: the operator REST API under {@code /admin/api/v1} ({@link io.berth.admin.OperatorApi}),
 * later the tenant self-service API and the admin portal. {@code rest} holds the shared JAX-RS plumbing
 * (authentication, body limits, problem details, security headers); each feature package owns its resources.
 */
package io.berth.admin;
