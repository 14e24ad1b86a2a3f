package io.berth.admin.security;

import io.berth.core.identity.VerifiedPerson;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * A verified person, as MicroProfile JWT's {@link JsonWebToken}: the standard view of a token-bearing caller that
 * JAX-RS resources get from {@code SecurityContext.getUserPrincipal()}. The raw token is deliberately not kept
 * ({@link #getRawToken()} is null), so nothing downstream can log or forward it.
 */
final class PersonPrincipal implements JsonWebToken {

    private final VerifiedPerson person;

    PersonPrincipal(VerifiedPerson person) {
        this.person = person;
    }

    @Override
    public String getName() {
        for (String claim : new String[] {Claims.upn.name(), Claims.preferred_username.name()}) {
            if (person.claims().get(claim) instanceof String s && !s.isEmpty()) {
                return s;
            }
        }
        return person.subject();
    }

    @Override
    public Set<String> getClaimNames() {
        return person.claims().keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        if (Claims.raw_token.name().equals(claimName)) {
            return null;
        }
        if (Claims.groups.name().equals(claimName)) {
            return (T) person.groups();
        }
        return (T) person.claims().get(claimName);
    }

    @Override
    public Set<String> getGroups() {
        return person.groups();
    }
}
