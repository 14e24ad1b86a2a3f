package io.berth.core.plugin.verify;

/**
 * Matches members by name and, optionally, the start of their descriptor. Written as {@code "exit"}, with a wildcard
 * at one end of the name ({@code "parallel*"}, {@code "*Async"}; {@code "*"} alone is any name), and optionally
 * followed by the descriptor's beginning ({@code "<init>(Ljava/lang/String;"}).
 */
record MemberPattern(String name, Wildcard wildcard, String descriptorPrefix) {

    enum Wildcard { NONE, TRAILING, LEADING }

    static MemberPattern of(String spec) {
        int paren = spec.indexOf('(');
        String name = paren < 0 ? spec : spec.substring(0, paren);
        String descriptor = paren < 0 ? "" : spec.substring(paren);
        if (name.endsWith("*")) {
            return new MemberPattern(name.substring(0, name.length() - 1), Wildcard.TRAILING, descriptor);
        }
        if (name.startsWith("*")) {
            return new MemberPattern(name.substring(1), Wildcard.LEADING, descriptor);
        }
        return new MemberPattern(name, Wildcard.NONE, descriptor);
    }

    boolean matches(String memberName, String descriptor) {
        boolean nameMatches = switch (wildcard) {
            case NONE -> memberName.equals(name);
            case TRAILING -> memberName.startsWith(name);
            case LEADING -> memberName.endsWith(name);
        };
        return nameMatches && descriptor.startsWith(descriptorPrefix);
    }

    boolean constructorOnly() {
        return wildcard == Wildcard.NONE && name.equals("<init>");
    }
}
