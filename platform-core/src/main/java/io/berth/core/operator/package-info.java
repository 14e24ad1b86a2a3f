/**
 * The operator credential: the bearer token that opens {@code /admin/api/v1}. Either configured
 * ({@code berth.operator.token}, from an environment variable or a mounted secret) or generated at first start and
 * stored only as a hash. The role model of the identity issue builds on this.
 */
package io.berth.core.operator;
