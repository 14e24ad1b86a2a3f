package io.berth.core.cors;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a tenant may put on its CORS allow-list, and the normal form it is stored in: the form a browser sends in
 * {@code Origin} (lower case, no default port, no trailing slash), so that a request is checked by an exact string
 * comparison.
 *
 * <p>No wildcards, not even {@code *.example.com}: an exact list keeps the check a lookup and does not hand CORS
 * access to every subdomain, including forgotten ones that someone else can take over.
 */
public final class Origins {

    public static final int MAX_ORIGINS = 50;
    private static final int MAX_LENGTH = 300;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Pattern DNS_NAME = Pattern.compile(
            "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");

    private Origins() {
    }

    /** A problem with one origin ({@code index} into the list) or with the list itself ({@code index} -1). */
    public record OriginProblem(int index, String message) {
    }

    /** What is wrong with {@code origins}; empty when every one is valid. The REST APIs show these as field errors. */
    public static List<OriginProblem> problems(List<String> origins) {
        List<OriginProblem> problems = new ArrayList<>();
        if (origins.size() > MAX_ORIGINS) {
            problems.add(new OriginProblem(-1, "at most " + MAX_ORIGINS + " origins, not " + origins.size()));
        }
        for (int i = 0; i < origins.size(); i++) {
            try {
                normalise(origins.get(i));
            } catch (IllegalArgumentException e) {
                problems.add(new OriginProblem(i, e.getMessage()));
            }
        }
        return problems;
    }

    /**
     * The origins in their normal form, duplicates removed, order kept.
     *
     * @throws IllegalArgumentException when {@link #problems} is not empty
     */
    public static List<String> normalise(List<String> origins) {
        if (origins.size() > MAX_ORIGINS) {
            throw new IllegalArgumentException("at most " + MAX_ORIGINS + " origins");
        }
        Set<String> out = new LinkedHashSet<>();
        origins.forEach(o -> out.add(normalise(o)));
        return List.copyOf(out);
    }

    /**
     * One origin in its normal form: {@code https://host[:port]}, or {@code http://} on localhost, 127.0.0.1 or [::1].
     *
     * @throws IllegalArgumentException with a message that says what to write instead
     */
    public static String normalise(String origin) {
        String o = origin == null ? "" : origin.strip();
        if (o.isEmpty() || o.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be an origin such as https://app.example.com (1 to " + MAX_LENGTH
                    + " characters)");
        }
        if (o.contains("*")) {
            throw new IllegalArgumentException("wildcards are not allowed: list each origin exactly, such as "
                    + "https://app.example.com");
        }
        URI uri = parse(o);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("must start with https:// (an origin is scheme://host[:port])");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("an origin is scheme://host[:port] only, without path, query, fragment "
                    + "or user: such as " + scheme + "://" + host(uri, o) + port(uri, scheme));
        }
        String host = host(uri, o);
        if (scheme.equals("http") && !LOOPBACK.contains(host)) {
            throw new IllegalArgumentException("must use https://; http:// is allowed for localhost, 127.0.0.1 and "
                    + "[::1] only (development)");
        }
        return scheme + "://" + host + port(uri, scheme);
    }

    private static URI parse(String origin) {
        try {
            return new URI(origin);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid origin; write scheme://host[:port], such as "
                    + "https://app.example.com");
        }
    }

    private static String host(URI uri, String origin) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!DNS_NAME.matcher(host).matches() && !IPV6.matcher(host).matches()) {
            throw new IllegalArgumentException("'" + origin + "' has no valid host; write scheme://host[:port] with "
                    + "an ASCII host name (punycode xn-- for international names) or an IP address");
        }
        return host;
    }

    /** The port as a browser serialises it: absent when it is the scheme's default. */
    private static String port(URI uri, String scheme) {
        int port = uri.getPort();
        if (port == 0 || port > 65535) {
            throw new IllegalArgumentException("the port must be between 1 and 65535");
        }
        boolean standard = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http")
                && port == 80);
        return standard ? "" : ":" + port;
    }
}
