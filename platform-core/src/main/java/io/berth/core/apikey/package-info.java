/**
 * Tenant API keys, the "API keys" section of the issue "Identity and access" (docs/adr/0006-identity.md):
 * {@code berth_live_<id>_<secret>} / {@code berth_test_<id>_<secret>}, 256 random bits, stored only as a SHA-256 hash
 * and compared in constant time, shown once, scoped (agent scopes) and holding tenant roles (tenant API), expiring,
 * rotatable with an overlap window, revocable, last use tracked (at most once a minute per key and node).
 *
 * <p>{@link io.berth.core.apikey.ApiKeys} stores and verifies; {@link io.berth.core.apikey.ApiKeyLifecycle} is the
 * one service both REST APIs call to issue, list, read, revoke and rotate. Ending a key ends its agent tokens through
 * {@code io.berth.core.identity.Revocations}, the cluster-wide revocation set.
 */
package io.berth.core.apikey;
