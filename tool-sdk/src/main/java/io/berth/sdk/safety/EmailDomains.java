package io.berth.sdk.safety;

import io.berth.sdk.ToolException;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An allow-list of e-mail domains, for tools that send mail or invite people. Whether subdomains count is part of
 * the policy and must be chosen: {@link #exactly} allows {@code ann@example.com} but not {@code ann@eu.example.com};
 * {@link #withSubdomains} allows both, but never {@code ann@notexample.com}.
 *
 * <p>Only a bare address is accepted ({@code local@domain}, no display name, comment or quoted local part, exactly
 * one {@code @}), at most 254 characters with a local part of at most 64 bytes. The domain is compared in its ASCII
 * form ({@link IDN#toASCII}, lower case), so an internationalized domain matches its punycode spelling and a
 * look-alike in another script does not match; domain literals ({@code [192.0.2.1]}) and a trailing dot are refused.
 * {@link #require} returns the address with that ASCII domain: send to what was checked.
 */
public final class EmailDomains {

    private static final String ATEXT = "!#$%&'*+/=?^_`{|}~-";

    private final Set<String> domains;
    private final boolean subdomains;

    private EmailDomains(List<String> domains, boolean subdomains) {
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("an allow-list needs at least one domain");
        }
        Set<String> ascii = new LinkedHashSet<>();
        for (String domain : domains) {
            ascii.add(ascii(domain).orElseThrow(() -> new IllegalArgumentException("not a domain name: " + domain)));
        }
        this.domains = Set.copyOf(ascii);
        this.subdomains = subdomains;
    }

    /** Addresses in exactly these domains. */
    public static EmailDomains exactly(String... domains) {
        return new EmailDomains(List.of(domains), false);
    }

    /** Addresses in these domains and any of their subdomains. */
    public static EmailDomains withSubdomains(String... domains) {
        return new EmailDomains(List.of(domains), true);
    }

    /** The address, its domain in ASCII, if allowed; a {@link ToolException} saying why if not. */
    public String require(String address) throws ToolException {
        Parsed parsed = parse(address);
        if (parsed.problem() != null) {
            throw new ToolException(parsed.problem());
        }
        return parsed.local() + "@" + parsed.domain();
    }

    /** What is wrong with {@code address} under this policy, if anything. */
    public Optional<String> problem(String address) {
        return Optional.ofNullable(parse(address).problem());
    }

    public boolean allows(String address) {
        return problem(address).isEmpty();
    }

    private record Parsed(String local, String domain, String problem) {
        static Parsed refused(String address, String why) {
            return new Parsed(null, null, "the e-mail address " + Quote.of(address) + " " + why);
        }
    }

    private Parsed parse(String address) {
        if (address == null || address.isBlank()) {
            return new Parsed(null, null, "the e-mail address is empty");
        }
        String a = address.strip();
        int at = a.indexOf('@');
        if (a.length() > 254) {
            return Parsed.refused(address, "is longer than 254 characters");
        }
        if (at < 0 || a.indexOf('@', at + 1) >= 0) {
            return Parsed.refused(address, "must be a bare address with exactly one @, like ann@example.com");
        }
        String local = a.substring(0, at);
        String why = localProblem(local);
        if (why != null) {
            return Parsed.refused(address, why);
        }
        String domain = a.substring(at + 1);
        if (domain.endsWith(".") || domain.startsWith("[")) {
            return Parsed.refused(address, "must name its domain without a trailing dot or an IP address");
        }
        Optional<String> ascii = ascii(domain);
        if (ascii.isEmpty()) {
            return Parsed.refused(address, "has no valid domain name");
        }
        if (!allowed(ascii.get())) {
            return Parsed.refused(address, "is not in an allowed domain (" + String.join(", ", domains.stream()
                    .sorted().toList()) + (subdomains ? ", or their subdomains)" : ")"));
        }
        return new Parsed(local, ascii.get(), null);
    }

    private boolean allowed(String domain) {
        return domains.contains(domain) || subdomains && domains.stream().anyMatch(d -> domain.endsWith("." + d));
    }

    private static String localProblem(String local) {
        if (local.isEmpty() || local.getBytes(StandardCharsets.UTF_8).length > 64) {
            return "must have a local part of 1 to 64 bytes before the @";
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return "must not have a dot at the start or end of the local part, or two in a row";
        }
        for (int i = 0; i < local.length(); ) {
            int c = local.codePointAt(i);
            boolean ascii = c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || ATEXT.indexOf(c) >= 0);
            int type = Character.getType(c);
            boolean unicode = c >= 0x80 && (Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK);
            if (!ascii && !unicode) {
                return "must be a bare address: its local part may not contain " + Quote.of(new String(
                        Character.toChars(c)));
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /** The ASCII (punycode), lower-case form of a domain name with at least two labels, if it is a valid one. */
    private static Optional<String> ascii(String domain) {
        try {
            String ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            return ascii.isEmpty() || ascii.length() > 253 || !ascii.contains(".") || ascii.endsWith(".")
                    ? Optional.empty() : Optional.of(ascii);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
