/**
 * Identity and access for agents: Berth as an OAuth 2.1 resource server per tenant, with a built-in authorization
 * server per tenant for agents holding an API key, and optional trust in a tenant's own identity provider
 * (docs/adr/0006-identity.md; MCP authorization, shared/mcp/spec-2025-11-25.md §10–11, spec-2026-07-28.md §10).
 *
 * <ul>
 *   <li>{@link io.berth.core.identity.TokenIssuer}: client credentials grant (RFC 6749 §4.4), RFC 8707
 *       {@code resource}, RFC 9068 JWT access tokens signed by {@link io.berth.core.identity.TokenKeys} (ES256,
 *       rotated by kid);</li>
 *   <li>{@link io.berth.core.identity.TokenVerifier}: every agent request's bearer token for its tenant, with the
 *       revocation check of {@link io.berth.core.identity.Revocations} on every call;
 *       {@link io.berth.core.identity.TokenRevocation}: RFC 7009;</li>
 *   <li>{@link io.berth.core.identity.TenantIdps}: the issuers a tenant trusts (JWKS over HTTPS);</li>
 *   <li>{@link io.berth.core.identity.Scopes} (hierarchy: {@code crm} grants {@code crm.read}),
 *       {@link io.berth.core.identity.Challenges} (RFC 6750 {@code WWW-Authenticate}),
 *       {@link io.berth.core.identity.OAuthMetadata} (RFC 8414, RFC 9728), {@link io.berth.core.identity.IdentityUris}
 *       (every address, and the well-known paths).</li>
 * </ul>
 * No HTTP resources live here: {@code io.berth.core.oauth} (token, revocation, JWKS, well-known metadata),
 * {@code io.berth.core.mcp.AgentAuthentication} (every MCP request) and the operator API call these services.
 */
package io.berth.core.identity;
