package io.berth.core.cors;

import java.util.Locale;

/**
 * The headers a preflight may be granted: what MCP clients send (Streamable HTTP, both eras; the OAuth endpoints need
 * no more), plus the {@code Mcp-Param-*} headers of 2026-07-28 tool arguments that the preflight asks for. Those are
 * echoed only when each is a valid header name (RFC 9110 token), and only so many, so that a preflight cannot make
 * the answer arbitrarily long.
 */
final class Preflight {

    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, Mcp-Session-Id, MCP-Protocol-Version, "
            + "Last-Event-ID, Mcp-Method, Mcp-Name";
    static final int MAX_PARAM_HEADERS = 64;
    private static final int MAX_NAME_LENGTH = 128;
    private static final String PARAM_PREFIX = "mcp-param-";
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private Preflight() {
    }

    /**
     * The {@code Access-Control-Allow-Headers} value for a preflight's {@code Access-Control-Request-Headers}
     * (null: none asked): the MCP headers, and the valid {@code Mcp-Param-*} names asked for. Other names are not
     * granted, so the browser refuses the request they were meant for.
     */
    static String allowHeaders(String requested) {
        if (requested == null || requested.isBlank()) {
            return ALLOWED_HEADERS;
        }
        StringBuilder out = new StringBuilder(ALLOWED_HEADERS);
        int params = 0;
        for (String name : requested.split(",")) {
            String n = name.strip();
            if (params < MAX_PARAM_HEADERS && n.length() > PARAM_PREFIX.length() && n.length() <= MAX_NAME_LENGTH
                    && n.toLowerCase(Locale.ROOT).startsWith(PARAM_PREFIX) && isToken(n)) {
                out.append(", ").append(n);
                params++;
            }
        }
        return out.toString();
    }

    /** RFC 9110 §5.6.2: {@code token = 1*tchar}. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
