package io.berth.core.capability.egress;

import io.berth.core.storage.Jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads and replaces a tenant's {@link EgressSettings} (table {@code tenant_egress_settings}). */
@ApplicationScoped
public class EgressSettingsStore {

    public static final int MAX_RULES = 200;

    @Inject
    Jdbc jdbc;

    Clock clock = Clock.systemUTC();

    /** For tests and wiring by hand. */
    public static EgressSettingsStore of(Jdbc jdbc) {
        EgressSettingsStore s = new EgressSettingsStore();
        s.jdbc = jdbc;
        return s;
    }

    public EgressSettings get(String tenantId) {
        return jdbc.queryOne("read egress settings", "select allowed_hosts, allow_http, allow_private, version "
                        + "from tenant_egress_settings where tenant_id = ?",
                r -> new EgressSettings(split(r.getString("allowed_hosts")), r.getBoolean("allow_http"),
                        r.getBoolean("allow_private"), r.getLong("version")), tenantId)
                .orElse(EgressSettings.NOTHING);
    }

    /** What is wrong with the rule at {@code index} ({@code -1}: with the list as a whole). */
    public record RuleProblem(int index, String message) {
    }

    /** What is wrong with the rules; empty when all are valid. The operator API shows these as field errors. */
    public static List<RuleProblem> problems(List<String> rules) {
        List<RuleProblem> problems = new ArrayList<>();
        if (rules.size() > MAX_RULES) {
            problems.add(new RuleProblem(-1, "at most " + MAX_RULES + " rules"));
        }
        for (int i = 0; i < rules.size(); i++) {
            try {
                HostRule.parse(rules.get(i));
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(i, e.getMessage()));
            }
        }
        return problems;
    }

    /** Rules in their normal form: trimmed, lower case, duplicates removed, order kept. */
    public static List<String> normalise(List<String> rules) {
        Set<String> out = new LinkedHashSet<>();
        for (String rule : rules) {
            HostRule.parse(rule);
            out.add(rule.strip().toLowerCase(java.util.Locale.ROOT));
        }
        return List.copyOf(out);
    }

    /**
     * Replaces the tenant's settings; {@code expectedVersion} (null: any) guards against overwriting a change the
     * caller has not seen.
     *
     * @throws IllegalArgumentException for an invalid rule (check {@link #problems} first)
     * @throws VersionMismatch when the settings are no longer at {@code expectedVersion}
     */
    public EgressSettings put(String tenantId, List<String> allowedHosts, boolean allowHttp,
                              boolean allowPrivateAddresses, Long expectedVersion) {
        if (!problems(allowedHosts).isEmpty()) {
            throw new IllegalArgumentException("invalid allow-list rule");
        }
        List<String> rules = normalise(allowedHosts);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            return jdbc.inTransaction("store egress settings", c -> {
                List<Long> current = Jdbc.query(c, "select version from tenant_egress_settings where tenant_id = ? "
                        + "for update", r -> r.getLong("version"), tenantId);
                long version = current.isEmpty() ? 0 : current.get(0);
                if (expectedVersion != null && expectedVersion != version) {
                    throw new VersionMismatch(version);
                }
                String joined = String.join("\n", rules);
                if (current.isEmpty()) {
                    Jdbc.update(c, "insert into tenant_egress_settings (tenant_id, allowed_hosts, allow_http, "
                                    + "allow_private, version, updated_at) values (?, ?, ?, ?, ?, ?)",
                            tenantId, joined, allowHttp, allowPrivateAddresses, 1L, now);
                } else {
                    Jdbc.update(c, "update tenant_egress_settings set allowed_hosts = ?, allow_http = ?, "
                                    + "allow_private = ?, version = ?, updated_at = ? where tenant_id = ?",
                            joined, allowHttp, allowPrivateAddresses, version + 1, now, tenantId);
                }
                return new EgressSettings(rules, allowHttp, allowPrivateAddresses, version + 1);
            });
        } catch (RuntimeException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw new VersionMismatch(get(tenantId).version()); // another writer created the row first
            }
            throw e;
        }
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }

    /** The settings changed since the caller read them. */
    public static final class VersionMismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VersionMismatch(long actual) {
            super("The egress settings are at version " + actual + ": read them again and retry");
        }
    }
}
