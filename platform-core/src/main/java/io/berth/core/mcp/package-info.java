/**
 * The MCP engine: per-tenant endpoints at {@code /t/{tenant}/mcp} (Streamable HTTP, session era 2025-11-25,
 * 2025-06-18, 2025-03-26). The request path: {@link io.berth.core.tenant.TenantGateFilter} (which tenant, and its
 * standing) →
 * {@link io.berth.core.mcp.McpEndpoint} (HTTP rules: Host/Origin, with the tenant's CORS allow-list from
 * {@link io.berth.core.cors.Cors}, then the agent's bearer token in
 * {@code AgentAuthentication}, then media types, size, session and version headers) →
 * {@link io.berth.core.mcp.McpMethods} (JSON-RPC methods; {@link io.berth.core.mcp.OfferingAccess}: which tools,
 * resources and prompts the agent's scopes grant) → {@link io.berth.core.plugin.PluginCalls} (plugin code).
 *
 * <p>Spec: modelcontextprotocol/modelcontextprotocol {@code docs/specification/2025-11-25/basic/transports.mdx},
 * {@code basic/lifecycle.mdx}, {@code server/tools.mdx}, {@code basic/authorization.mdx}; digest in
 * {@code ../shared/mcp/spec-2025-11-25.md} (§10–11 for authorization) and {@code spec-2026-07-28.md}.
 */
package io.berth.core.mcp;
