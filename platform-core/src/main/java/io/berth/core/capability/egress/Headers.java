package io.berth.core.capability.egress;

import io.berth.sdk.ToolException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The headers a plugin's request goes out with: names must be tokens and values must not contain line breaks or other
 * control characters (no header or request splitting); headers Berth owns or that only concern one connection are
 * dropped.
 */
final class Headers {

    /** A header as it goes out, name as the plugin spelled it. */
    record Header(String name, String value) {
        boolean is(String lowerCaseName) {
            return name.toLowerCase(Locale.ROOT).equals(lowerCaseName);
        }
    }

    static final int MAX_HEADERS = 100;
    static final int MAX_HEADER_BYTES = 32768;

    /** Set by Berth (Host, Content-Length, Connection) or meaningful only between two hops. */
    private static final Set<String> DROPPED = Set.of("host", "content-length", "connection", "keep-alive",
            "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection", "proxy-authorization",
            "proxy-authenticate", "expect");
    /** Not carried to another origin when a redirect leads there. */
    private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "proxy-authorization");
    private static final String TCHAR = "!#$%&'*+-.^_`|~";

    private Headers() {
    }

    static List<Header> outbound(Map<String, List<String>> requested) throws ToolException {
        List<Header> headers = new ArrayList<>();
        long bytes = 0;
        for (Map.Entry<String, List<String>> e : requested.entrySet()) {
            String name = e.getKey();
            if (!isToken(name)) {
                throw new ToolException("Invalid request header name");
            }
            if (DROPPED.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String value : e.getValue()) {
                if (!isValue(value)) {
                    throw new ToolException("Invalid value for request header " + name
                            + ": no line breaks or control characters, Latin-1 only");
                }
                bytes += name.length() + value.length() + 4;
                headers.add(new Header(name, value));
            }
        }
        if (headers.size() > MAX_HEADERS || bytes > MAX_HEADER_BYTES) {
            throw new ToolException("Too many request headers: at most " + MAX_HEADERS + " and "
                    + MAX_HEADER_BYTES + " bytes");
        }
        return headers;
    }

    static List<Header> withoutCredentials(List<Header> headers) {
        return headers.stream().filter(h -> !CREDENTIALS.contains(h.name().toLowerCase(Locale.ROOT))).toList();
    }

    static List<Header> withoutBodyHeaders(List<Header> headers) {
        return headers.stream().filter(h -> !h.is("content-type") && !h.is("content-encoding")).toList();
    }

    static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || TCHAR.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Visible Latin-1, spaces and tabs only. */
    static boolean isValue(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF || c < 0x20 && c != '\t' || c == 0x7F) {
                return false;
            }
        }
        return true;
    }
}
