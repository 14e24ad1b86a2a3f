package io.berth.core.tenant;

import java.util.List;

/**
 * The browser origins a tenant lets call its agent-facing endpoints across origins (CORS). None by default: CORS is
 * off until a tenant lists an origin. The list is stored as given; {@code io.berth.core.cors.Origins} decides what may
 * be listed and normalises it before it gets here.
 *
 * @param origins exact {@code scheme://host[:port]} origins, in the order they were listed
 * @param version the tenant's version (the list is part of the tenant): the ETag, and what {@code If-Match} names
 */
public record AllowedOrigins(List<String> origins, long version) {

    public AllowedOrigins {
        origins = List.copyOf(origins);
    }
}
