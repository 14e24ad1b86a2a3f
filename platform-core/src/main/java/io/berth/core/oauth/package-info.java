/**
 * The HTTP side of Berth's per-tenant authorization server and resource metadata (docs/adr/0006-identity.md; MCP
 * authorization, shared/mcp/spec-2025-11-25.md §10, spec-2026-07-28.md §10), on plain servlet API like the MCP
 * endpoint, over the services of {@link io.berth.core.identity}:
 * <ul>
 *   <li>{@link io.berth.core.oauth.OAuthEndpoints}: {@code POST /t/{t}/oauth/token} (RFC 6749 §4.4 client
 *       credentials, RFC 8707 {@code resource}), {@code POST /t/{t}/oauth/revoke} (RFC 7009) and
 *       {@code GET /t/{t}/oauth/jwks} (RFC 7517), behind the tenant gate (a tenant that is
 *       not served authenticates the client as a served one, and only a client of its own learns why it is refused);
 *       </li>
 *   <li>{@link io.berth.core.oauth.WellKnownEndpoint}: the RFC 9728 protected resource metadata of
 *       {@code /t/{t}/mcp} and the RFC 8414 authorization server metadata of {@code /t/{t}}, at their path-inserted
 *       well-known addresses, which classify the tenant themselves (they are outside {@code /t/}) and are served for
 *       every valid tenant id alike.</li>
 * </ul>
 * The MCP endpoint's own bearer check is {@code io.berth.core.mcp.AgentAuthentication}.
 */
package io.berth.core.oauth;
