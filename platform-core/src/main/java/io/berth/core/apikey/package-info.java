/**
 * Tenant API keys: {@code berth_live_<id>_<secret>} / {@code berth_test_<id>_<secret>}, 256 random bits, stored only
 * as a hash, shown once. This foundation issues keys; verification, scopes, rotation and revocation arrive with the
 * identity and access issue.
 */
package io.berth.core.apikey;
