/**
 * Tenants: the teams and customers Berth hosts. A tenant's id is a slug that never changes and flows everywhere (URL
 * path, token audience, database rows, Hazelcast keys, audit chain).
 *
 * <p>{@link io.berth.core.tenant.TenantService} owns the lifecycle (database as source of truth);
 * {@link io.berth.core.tenant.TenantDirectory} answers "may this tenant be served?" on every node from a
 * Hazelcast-backed cache that changes cluster-wide the moment a tenant is suspended or deleted, and whether agents
 * without a token may call it ({@link io.berth.core.tenant.AgentAccess}) and which browser origins may call it across
 * origins ({@link io.berth.core.tenant.AllowedOrigins}, CORS), both kept in the tenant's settings;
 * {@link io.berth.core.tenant.TenantGateFilter} is the first check on every agent-facing request under {@code /t/}.
 */
package io.berth.core.tenant;
