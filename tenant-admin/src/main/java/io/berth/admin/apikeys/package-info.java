/**
 * The operator API's key endpoints ({@code /admin/api/v1/tenants/{id}/api-keys}) and what the tenant API's own
 * ({@code io.berth.admin.tenantapi.TenantApiKeysResource}, {@code /api/v1/api-keys}) shares with them: request and
 * answer bodies ({@link io.berth.admin.apikeys.ApiKeyJson}) and problems ({@link io.berth.admin.apikeys.ApiKeyProblems}).
 * The logic is {@code io.berth.core.apikey.ApiKeyLifecycle}'s; the issue "Identity and access", section "API keys".
 */
package io.berth.admin.apikeys;
