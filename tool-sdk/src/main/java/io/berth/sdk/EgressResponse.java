package io.berth.sdk;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answer to an {@link EgressRequest}: status, headers (names in lower case) and the whole body, which Berth
 * limits in size. Hop-by-hop headers are not included.
 */
public final class EgressResponse {

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    public EgressResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this.status = status;
        Map<String, List<String>> copy = new TreeMap<>();
        Objects.requireNonNull(headers, "headers").forEach((k, v) -> copy
                .computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new java.util.ArrayList<>()).addAll(v));
        copy.replaceAll((k, v) -> List.copyOf(v));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = Objects.requireNonNull(body, "body").clone();
    }

    public int status() {
        return status;
    }

    /** Every header, by lower-case name. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of header {@code name} (any case). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public byte[] body() {
        return body.clone();
    }

    /** The body as text, in the charset the {@code Content-Type} names, UTF-8 otherwise. */
    public String text() {
        return new String(body, charset());
    }

    private Charset charset() {
        String type = header("content-type").orElse("");
        for (String param : type.split(";")) {
            String p = param.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").strip());
                } catch (IllegalArgumentException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    @Override
    public String toString() {
        return "EgressResponse[" + status + ", " + body.length + " bytes]";
    }
}
