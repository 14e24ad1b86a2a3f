/**
 * Outbound HTTP for plugins ({@code ToolContext.http()}), the only network access a plugin has. Deny unless allowed:
 * a tenant's allow-list of hosts ({@link io.berth.core.capability.egress.EgressSettingsStore}, operator API
 * {@code /admin/api/v1/tenants/{id}/egress}), https only unless it allows http, and public addresses only unless it
 * allows private ones. Names are resolved by Berth, every address is classified, and the connection goes to a checked
 * address with the name kept for Host, SNI and certificate verification (DNS-rebinding defence). Redirects are
 * followed hop by hop, each checked anew. Limits per exchange (time, body sizes) and per call (requests, bytes).
 *
 * <p>OWASP SSRF Prevention Cheat Sheet, "Case 2"; RFC 6890 (special-purpose address registries); RFC 9110 §15.4
 * (redirects), RFC 9112 (HTTP/1.1 message framing).
 */
package io.berth.core.capability.egress;
