/** The operator's tenant resource: {@code /admin/api/v1/tenants}. */
package io.berth.admin.tenants;
