package io.berth.core.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Scope checks with Berth's one hierarchy rule: a scope grants itself and every scope below it, where "below" means
 * longer by a {@code .} or {@code :} segment. {@code crm} grants {@code crm.read}, {@code crm:write} and
 * {@code crm.contacts.read}; {@code crm.read} grants neither {@code crm} nor {@code crm.write}; {@code crm} does not
 * grant {@code crmx}. There is no wildcard scope (MCP security practice: no omnibus scopes).
 */
public final class Scopes {

    private Scopes() {
    }

    /** True when every scope in {@code required} is granted by some scope in {@code granted}. */
    public static boolean allows(Set<String> granted, Collection<String> required) {
        for (String r : required) {
            if (!grants(granted, r)) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code granted} grants {@code scope} itself or through a broader scope. */
    public static boolean grants(Set<String> granted, String scope) {
        if (granted.isEmpty()) {
            return false;
        }
        if (granted.contains(scope)) {
            return true;
        }
        // Compared in place rather than by looking up each prefix: no substring per check on the per-call path.
        for (String g : granted) {
            int n = g.length();
            if (n > 0 && n < scope.length() && (scope.charAt(n) == '.' || scope.charAt(n) == ':')
                    && scope.startsWith(g)) {
                return true;
            }
        }
        return false;
    }

    /** The scopes of {@code required} that {@code granted} does not grant, in their order. */
    public static Set<String> missing(Set<String> granted, Collection<String> required) {
        Set<String> missing = new LinkedHashSet<>();
        for (String r : required) {
            if (!grants(granted, r)) {
                missing.add(r);
            }
        }
        return missing;
    }

    /** A space-separated scope string (RFC 6749 §3.3) as a set; blank means none. Invalid tokens are refused. */
    public static Set<String> parse(String scope) {
        Set<String> scopes = new LinkedHashSet<>();
        if (scope == null || scope.isBlank()) {
            return scopes;
        }
        for (String s : scope.split(" ")) {
            if (s.isEmpty()) {
                continue;
            }
            if (!isScopeToken(s)) {
                throw new IllegalArgumentException("not a scope token");
            }
            scopes.add(s);
        }
        return scopes;
    }

    /** RFC 6749 §3.3: {@code scope-token = 1*( %x21 / %x23-5B / %x5D-7E )}, here at most 200 characters. */
    public static boolean isScopeToken(String s) {
        if (s.isEmpty() || s.length() > 200) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Space-separated, in iteration order. */
    public static String format(Collection<String> scopes) {
        return String.join(" ", scopes);
    }
}
