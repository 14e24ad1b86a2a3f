/**
 * What a plugin may reach through {@code ToolContext}, and nothing else: a data store ({@code data}), outbound HTTP
 * ({@code egress}) and named secrets ({@code secrets}), each scoped to the calling tenant and, for data and secrets,
 * to the plugin. {@link io.berth.core.capability.Capabilities} makes one
 * {@link io.berth.core.capability.CallCapabilities} per call from the plugin being called; the MCP engine's
 * {@code CallContext} hands them to the plugin, so both protocol eras get the same ones.
 *
 * <p>Operators set the per-tenant parts (egress allow-list and flags, data quota, secrets) through
 * {@code /admin/api/v1/tenants/{id}/egress}, {@code /data/quota} and {@code /secrets}; installation-wide limits are
 * the {@code berth.plugin-data.*} and {@code berth.egress.*} settings.
 */
package io.berth.core.capability;
