package io.berth.sdk;

import java.util.Objects;
import java.util.Set;

/**
 * Who made the call a tool is running for, as Berth authenticated it.
 *
 * <p>Until agent identity lands (tokens, API keys, a tenant's own IdP), Berth cannot tell callers apart and every call
 * carries {@link #anonymous()}: subject {@code "anonymous"}, no client id, no scopes. A tool that grants something
 * only to callers with a scope therefore grants it to nobody yet, which is the safe way round.
 *
 * @param subject  the authenticated principal (a token's {@code sub}, or {@code "anonymous"})
 * @param clientId the OAuth client or API key that made the call, or {@code null} when unknown
 * @param scopes   the scopes granted to this call; never {@code null}
 */
public record Caller(String subject, String clientId, Set<String> scopes) {

    private static final Caller ANONYMOUS = new Caller("anonymous", null, Set.of());

    public Caller {
        Objects.requireNonNull(subject, "subject");
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** The caller of every call until agent identity is in place. */
    public static Caller anonymous() {
        return ANONYMOUS;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
