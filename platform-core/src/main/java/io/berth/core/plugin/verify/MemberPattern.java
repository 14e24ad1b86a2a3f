package io.berth.core.plugin.verify;

/**
 * Matches members by name and, optionally, the start of their descriptor. Written as {@code "exit"},
 * {@code "parallel*"} (a name prefix; {@code "*"} alone is any name) or {@code "<init>(Ljava/lang/String;"} (a name
 * and the descriptor's beginning).
 */
record MemberPattern(String name, boolean namePrefix, String descriptorPrefix) {

    static MemberPattern of(String spec) {
        int paren = spec.indexOf('(');
        String name = paren < 0 ? spec : spec.substring(0, paren);
        String descriptor = paren < 0 ? "" : spec.substring(paren);
        boolean prefix = name.endsWith("*");
        return new MemberPattern(prefix ? name.substring(0, name.length() - 1) : name, prefix, descriptor);
    }

    boolean matches(String memberName, String descriptor) {
        boolean nameMatches = namePrefix ? memberName.startsWith(name) : memberName.equals(name);
        return nameMatches && descriptor.startsWith(descriptorPrefix);
    }

    boolean constructorOnly() {
        return !namePrefix && name.equals("<init>");
    }
}
