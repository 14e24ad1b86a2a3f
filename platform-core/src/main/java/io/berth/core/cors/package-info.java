/**
 * CORS for a tenant's agent-facing endpoints ({@code /t/{tenant}/mcp}, the legacy SSE transport, the tenant's OAuth
 * endpoints and its well-known metadata documents): off unless the tenant lists browser origins.
 *
 * <p>{@link io.berth.core.cors.Origins} decides what may be listed (exact {@code scheme://host[:port]}, https except on
 * loopback, no wildcards, at most {@value io.berth.core.cors.Origins#MAX_ORIGINS}) and normalises it; the list is kept
 * in the tenant's settings and near-cached on every node by {@code TenantDirectory}. {@link io.berth.core.cors.Cors}
 * answers preflights and adds the response headers of the Fetch standard's CORS protocol
 * (https://fetch.spec.whatwg.org/#http-cors-protocol). Credentials mode is never allowed: agents send their token in
 * {@code Authorization}, not in cookies. The MCP endpoint's own Origin rule (DNS-rebinding protection,
 * spec-2025-11-25.md §6) still refuses every other cross-origin request.
 */
package io.berth.core.cors;
