/**
 * Named secrets of a tenant's plugins ({@code ToolContext.secret}): stored sealed, set, listed (names only) and
 * deleted through the operator API ({@code /admin/api/v1/tenants/{id}/secrets}), opened only for the plugin code that
 * asks. Values never reach a log, an error message or an API response.
 */
package io.berth.core.capability.secrets;
