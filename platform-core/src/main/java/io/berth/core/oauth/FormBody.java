package io.berth.core.oauth;

import io.berth.core.identity.OAuthError;
import io.berth.core.identity.OAuthException;

import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of an OAuth endpoint request: {@code application/x-www-form-urlencoded} in the body only (RFC 6749
 * §3.2, §2.3.1: never in the query string, where credentials would end up in logs), UTF-8, at most
 * {@value #MAX_BYTES} bytes, each parameter at most once (§3.1) except those the caller names as repeatable (RFC 8707
 * {@code resource}). Anything else is {@code invalid_request}.
 */
final class FormBody {

    static final int MAX_BYTES = 16 * 1024;
    static final String MEDIA_TYPE = "application/x-www-form-urlencoded";

    private final Map<String, List<String>> values;

    private FormBody(Map<String, List<String>> values) {
        this.values = values;
    }

    static FormBody read(HttpServletRequest req, Set<String> repeatable) throws OAuthException, IOException {
        if (req.getQueryString() != null) {
            throw invalid("Parameters go in the request body, not in the URL.");
        }
        String type = req.getContentType();
        String base = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!base.equals(MEDIA_TYPE)) {
            throw invalid("The body must be " + MEDIA_TYPE + ".");
        }
        if (req.getContentLengthLong() > MAX_BYTES) {
            throw invalid("The body is too large.");
        }
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(MAX_BYTES + 1);
        }
        if (body.length > MAX_BYTES) {
            throw invalid("The body is too large.");
        }
        return parse(new String(body, StandardCharsets.UTF_8), repeatable);
    }

    static FormBody parse(String body, Set<String> repeatable) throws OAuthException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            List<String> list = values.computeIfAbsent(name, n -> new ArrayList<>());
            if (!list.isEmpty() && !repeatable.contains(name)) {
                throw invalid("The parameter " + printable(name) + " is repeated.");
            }
            list.add(value);
        }
        return new FormBody(values);
    }

    /** The parameter's one value; null when absent or empty (RFC 6749 §3.1: empty counts as omitted). */
    String get(String name) {
        List<String> list = values.get(name);
        return list == null || list.get(0).isEmpty() ? null : list.get(0);
    }

    /** Every non-empty value of a repeatable parameter. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(v -> !v.isEmpty()).toList();
    }

    private static String decode(String s) throws OAuthException {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("The body is not form-urlencoded.");
        }
    }

    /** A parameter name fit for an error message: short, visible ASCII only (it never holds a credential). */
    private static String printable(String name) {
        String cut = name.length() > 40 ? name.substring(0, 40) : name;
        return cut.chars().allMatch(c -> c > 0x20 && c < 0x7F) ? cut : "(unprintable)";
    }

    private static OAuthException invalid(String description) {
        return new OAuthException(OAuthError.INVALID_REQUEST, description);
    }
}
