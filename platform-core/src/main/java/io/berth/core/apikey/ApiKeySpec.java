package io.berth.core.apikey;

import io.berth.core.access.Role;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a key is for: its name, the scopes it grants agents, the tenant roles it holds on the tenant API and its
 * environment. A rotation copies all four to the successor. Invalid values are refused here, for both REST APIs.
 */
public record ApiKeySpec(String name, Set<String> scopes, Set<Role> roles, ApiKeys.Environment environment) {

    private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final int MAX_SCOPES = 50;

    public ApiKeySpec {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw ApiKeyException.invalid("name", "is required, 1-200 characters");
        }
        name = name.strip();
        scopes = scopes == null ? Set.of() : Set.copyOf(new TreeSet<>(scopes));
        if (scopes.size() > MAX_SCOPES || !scopes.stream().allMatch(s -> SCOPE.matcher(s).matches())) {
            throw ApiKeyException.invalid("scopes", "at most " + MAX_SCOPES + " scopes, each 1-64 of A-Z, a-z, 0-9,"
                    + " '_', '.', ':' and '-'");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        if (!Role.TENANT_ROLES.containsAll(roles)) {
            throw ApiKeyException.invalid("roles", "an API key holds tenant roles only, never operator");
        }
        environment = environment == null ? ApiKeys.Environment.LIVE : environment;
    }

    /**
     * The roles named by {@code ids} (null: none). Unknown names and {@code operator} are refused with the list of
     * the roles a key may hold.
     */
    public static Set<Role> roles(Collection<String> ids) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String id : ids == null ? Set.<String>of() : ids) {
            Role role = Role.of(id).filter(Role.TENANT_ROLES::contains).orElseThrow(() -> ApiKeyException.invalid(
                    "roles", "'" + id + "' is not a role an API key may hold; the tenant roles are " + roleIds()));
            roles.add(role);
        }
        return roles;
    }

    /** The environment named {@code id} ({@code live} or {@code test}; null: live). */
    public static ApiKeys.Environment environment(String id) {
        if (id == null) {
            return ApiKeys.Environment.LIVE;
        }
        try {
            return ApiKeys.Environment.valueOf(id.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiKeyException.invalid("environment", "is 'live' or 'test'");
        }
    }

    /** The roles as stored and shown: their wire ids in a stable order. */
    static String roleIds(Set<Role> roles) {
        return roles.stream().sorted().map(Role::id).collect(Collectors.joining(" "));
    }

    private static String roleIds() {
        return Role.TENANT_ROLES.stream().sorted().map(Role::id).toList().toString();
    }
}
