package io.berth.core.plugin.verify;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the allow-list says about one JDK type: refused outright, allowed with all its members, allowed with only some
 * members, or allowed except for some members.
 *
 * @param reason why the type, or the refused members, are refused; empty for {@link Kind#ALL}
 */
record TypeRule(Kind kind, String reason, List<MemberPattern> members) {

    enum Kind { DENIED, ALL, ONLY, EXCEPT }

    static final TypeRule ALL = new TypeRule(Kind.ALL, "", List.of());

    static TypeRule denied(String reason) {
        return new TypeRule(Kind.DENIED, reason, List.of());
    }

    static TypeRule only(String reason, String... members) {
        return new TypeRule(Kind.ONLY, reason, patterns(members));
    }

    static TypeRule except(String reason, String... members) {
        return new TypeRule(Kind.EXCEPT, reason, patterns(members));
    }

    boolean allowsType() {
        return kind != Kind.DENIED;
    }

    /** Why this member of the type is refused, if it is. */
    Optional<String> memberDenial(String name, String descriptor) {
        boolean listed = members.stream().anyMatch(m -> m.matches(name, descriptor));
        boolean refused = switch (kind) {
            case DENIED -> true;
            case ALL -> false;
            case ONLY -> !listed;
            case EXCEPT -> listed;
        };
        return refused ? Optional.of(reason) : Optional.empty();
    }

    /**
     * Whether a plugin class may extend or implement the type. Member rules are checked against the owner a call
     * names, and a call through a plugin's subclass names the subclass; so a type with refused members other than
     * constructors (which every call names exactly) may not be a supertype.
     */
    boolean extendable() {
        return kind == Kind.ALL || kind == Kind.EXCEPT && members.stream().allMatch(MemberPattern::constructorOnly);
    }

    private static List<MemberPattern> patterns(String... specs) {
        return Arrays.stream(specs).map(MemberPattern::of).toList();
    }
}
