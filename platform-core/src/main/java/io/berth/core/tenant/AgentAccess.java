package io.berth.core.tenant;

/**
 * A tenant's agent access policy. Off by default: every agent request needs a bearer token. With
 * {@code anonymousAgents} on, a request without any token is served as the principal {@code anonymous}, with no scopes
 * (so only tools that need no scope); a request with a token is verified as always, and a bad token is still refused.
 *
 * @param version the tenant's version (the policy is part of the tenant): the ETag, and what {@code If-Match} names
 */
public record AgentAccess(boolean anonymousAgents, long version) {
}
