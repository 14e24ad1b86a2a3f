package io.berth.sdk;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** The one validation of declared scopes, shared by every {@link Offering}. */
final class DeclaredScopes {

    /** RFC 6749 section 3.3 scope-token. */
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,256}");

    private DeclaredScopes() {
    }

    /** An unmodifiable copy in the declared order (so that declarations read the same every time); null is none. */
    static Set<String> copy(Collection<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            return Set.of();
        }
        Set<String> copy = new LinkedHashSet<>();
        for (String scope : scopes) {
            if (scope == null || !SCOPE.matcher(scope).matches()) {
                throw new IllegalArgumentException("a scope is 1-256 printable ASCII characters other than space, "
                        + "\" and \\: " + scope);
            }
            copy.add(scope);
        }
        return Collections.unmodifiableSet(copy);
    }

    static Set<String> of(String... scopes) {
        return copy(Arrays.asList(scopes));
    }
}
