package io.berth.core.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A person's token that passed every check: who they are (issuer and subject), their groups, and every claim of the
 * token for the MicroProfile JWT view of them. Never holds the token itself.
 */
public record VerifiedPerson(String issuer, String subject, Set<String> groups, Instant expiresAt,
                             Map<String, Object> claims) {

    public VerifiedPerson {
        groups = Set.copyOf(groups);
        claims = Map.copyOf(claims);
    }
}
