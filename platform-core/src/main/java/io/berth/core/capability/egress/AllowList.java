package io.berth.core.capability.egress;

import java.util.List;

/** A tenant's allow-list, parsed: a target is allowed if any rule matches its host and port. Empty allows nothing. */
final class AllowList {

    private final List<HostRule> rules;

    private AllowList(List<HostRule> rules) {
        this.rules = rules;
    }

    /** Parses stored rules; a rule that no longer parses (stored by an older release) allows nothing. */
    static AllowList of(List<String> stored) {
        return new AllowList(stored.stream().map(AllowList::parseOrNull).filter(java.util.Objects::nonNull).toList());
    }

    boolean allows(Target target) {
        return rules.stream().anyMatch(r -> r.matches(target));
    }

    private static HostRule parseOrNull(String rule) {
        try {
            return HostRule.parse(rule);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
