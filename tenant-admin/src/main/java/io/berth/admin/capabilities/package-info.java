/**
 * The operator's view of what a tenant's plugins may reach through {@code ToolContext}:
 * {@code /admin/api/v1/tenants/{id}/egress} (allow-list and flags), {@code /data} and {@code /data/quota} (usage and
 * quota of the data store) and {@code /secrets} (named secrets: set, list names, delete; values are write-only).
 * The logic lives in {@code io.berth.core.capability}.
 */
package io.berth.admin.capabilities;
