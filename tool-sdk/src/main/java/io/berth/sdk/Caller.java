package io.berth.sdk;

import java.util.Objects;
import java.util.Set;

/**
 * Who made the call a tool is running for, as Berth authenticated it from the request's bearer token: a token Berth
 * issued for one of the tenant's API keys (subject and client id are the key's id), or a token of an identity provider
 * the tenant trusts. A tenant may also serve agents that present no token: those calls carry {@link #anonymous()}
 * (subject {@code "anonymous"}, no client id, no scopes).
 *
 * <p>Berth only lets a caller see and call a tool when the caller's scopes grant every scope the tool declares
 * ({@link Tool#scopes()}); {@link #hasScope} is for finer decisions inside a tool.
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

    /** An agent that presented no token, at a tenant that serves such agents. */
    public static Caller anonymous() {
        return ANONYMOUS;
    }

    /**
     * True when the caller's scopes grant {@code scope}, by Berth's hierarchy: a scope grants itself and every scope
     * longer by a {@code .} or {@code :} segment ({@code crm} grants {@code crm.read} and {@code crm:write}, not
     * {@code crmx}); there is no wildcard.
     */
    public boolean hasScope(String scope) {
        if (scopes.contains(scope)) {
            return true;
        }
        for (int i = scope.length() - 1; i > 0; i--) {
            char c = scope.charAt(i);
            if ((c == '.' || c == ':') && scopes.contains(scope.substring(0, i))) {
                return true;
            }
        }
        return false;
    }
}
