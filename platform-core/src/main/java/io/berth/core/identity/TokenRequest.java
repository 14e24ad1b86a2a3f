package io.berth.core.identity;

import java.util.List;
import java.util.Objects;

/**
 * A token request as the HTTP layer read it from {@code POST /t/{tenant}/oauth/token}
 * ({@code application/x-www-form-urlencoded}).
 *
 * @param grantType the {@code grant_type} field (null when absent)
 * @param scope     the {@code scope} field (null or blank: every scope of the API key)
 * @param resources every {@code resource} field (RFC 8707; may be empty)
 */
public record TokenRequest(String tenant, String grantType, ClientCredentials client, String scope,
                           List<String> resources) {

    public TokenRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(client, "client");
        resources = resources == null ? List.of() : List.copyOf(resources);
    }
}
