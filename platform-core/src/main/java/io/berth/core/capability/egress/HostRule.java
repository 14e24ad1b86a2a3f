package io.berth.core.capability.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One entry of a tenant's egress allow-list: {@code api.example.com}, {@code *.example.com} (any name below
 * example.com, not example.com itself), {@code 203.0.113.7} or {@code [2001:db8::7]}, each optionally with
 * {@code :port}. Without a port only the scheme's default port (443, or 80 for http) matches.
 *
 * @param name     the host name (without {@code *.}), or null for an address
 * @param wildcard whether the rule matches names below {@code name}
 * @param address  the address of an address rule, or null
 * @param port     the one port allowed, or -1 for the scheme's default
 */
record HostRule(String name, boolean wildcard, byte[] address, int port) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
            + "(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-f:.]{2,45}");
    static final int MAX_LENGTH = 270;

    /** The rule, or an {@link IllegalArgumentException} whose message says what is wrong (for the operator). */
    static HostRule parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be a host name, *.domain or an IP address, optionally with "
                    + ":port, at most " + MAX_LENGTH + " characters");
        }
        String rule = text.strip().toLowerCase(Locale.ROOT);
        String host = rule;
        int port = -1;
        int colon = rule.lastIndexOf(':');
        if (rule.startsWith("[")) {
            int close = rule.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("an IPv6 address needs its closing ']'");
            }
            host = rule.substring(0, close + 1);
            if (close + 1 < rule.length()) {
                if (rule.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("only ':port' may follow an IPv6 address");
                }
                port = port(rule.substring(close + 2));
            }
        } else if (colon >= 0) {
            host = rule.substring(0, colon);
            port = port(rule.substring(colon + 1));
        }
        return forHost(host, port);
    }

    private static HostRule forHost(String host, int port) {
        if (host.startsWith("[") && host.endsWith("]")) {
            return new HostRule(null, false, ipv6(host.substring(1, host.length() - 1)), port);
        }
        if (DOTTED_QUAD.matcher(host).matches()) {
            return new HostRule(null, false, literal(host), port);
        }
        boolean wildcard = host.startsWith("*.");
        String name = wildcard ? host.substring(2) : host;
        if (!isName(name)) {
            throw new IllegalArgumentException("'" + host + "' is not a host name (letters, digits and hyphens in "
                    + "dot-separated labels; IPv4 addresses as a.b.c.d, IPv6 in brackets; IDNs in their xn-- form)");
        }
        if (wildcard && name.indexOf('.') < 0) {
            throw new IllegalArgumentException("a wildcard must name a domain with at least two labels, such as "
                    + "*.example.com");
        }
        return new HostRule(name, wildcard, null, port);
    }

    /** A DNS name Berth accepts in rules and URLs: its last label is not all digits (that would be an address). */
    static boolean isName(String name) {
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    static boolean isDottedQuad(String host) {
        return DOTTED_QUAD.matcher(host).matches();
    }

    /** The bytes of an IPv6 literal; only the literal syntax reaches the parser, so no name is ever looked up. */
    static byte[] ipv6(String literal) {
        if (!IPV6_CHARS.matcher(literal).matches() || literal.indexOf(':') < 0) {
            throw new IllegalArgumentException("'" + literal + "' is not an IPv6 address");
        }
        return literal(literal);
    }

    private static byte[] literal(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + literal + "' is not an IP address");
        }
    }

    private static int port(String text) {
        if (text.matches("[0-9]{1,5}")) {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        }
        throw new IllegalArgumentException("the port must be a number from 1 to 65535");
    }

    boolean matches(Target target) {
        if (port == -1 ? target.port() != target.defaultPort() : target.port() != port) {
            return false;
        }
        if (address != null) {
            return target.address() != null && Arrays.equals(address, target.address());
        }
        if (target.address() != null) {
            return false;
        }
        return wildcard ? target.host().endsWith("." + name) : target.host().equals(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostRule r && wildcard == r.wildcard && port == r.port
                && java.util.Objects.equals(name, r.name) && Arrays.equals(address, r.address);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, wildcard, Arrays.hashCode(address), port);
    }

    @Override
    public String toString() {
        return "HostRule[" + (wildcard ? "*." : "") + (name != null ? name : Arrays.toString(address))
                + (port == -1 ? "" : ":" + port) + "]";
    }
}
