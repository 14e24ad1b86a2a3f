/**
 * The operator's view of agent access to a tenant's MCP endpoint: {@code /admin/api/v1/tenants/{id}/agent-access}
 * (whether agents without a token are served), {@code /revocations} (refuse a token by its {@code jti}, or every token
 * of an API key, on every node at once) and {@code /identity-providers} (issuers whose tokens the tenant accepts
 * besides Berth's own). The logic lives in {@code io.berth.core.tenant} and {@code io.berth.core.identity}
 * (docs/adr/0006-identity.md).
 */
package io.berth.admin.access;
