package io.berth.sdk;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request a tool sends through {@link HttpEgress}. Immutable; build it with {@link #get(String)} or
 * {@link #builder(String, String)}.
 *
 * <p>Berth sets {@code Host}, {@code Content-Length} and {@code Connection} itself; hop-by-hop headers a request names
 * ({@code Connection}, {@code Keep-Alive}, {@code Transfer-Encoding}, {@code TE}, {@code Upgrade}, {@code Trailer},
 * {@code Proxy-*}, {@code Expect}) are dropped. A header name or value that could split the request (line breaks,
 * control characters) fails the send.
 */
public final class EgressRequest {

    private final String method;
    private final String url;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Duration timeout;
    private final boolean followRedirects;

    private EgressRequest(Builder b) {
        this.method = b.method;
        this.url = b.url;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        b.headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = b.body == null ? null : b.body.clone();
        this.timeout = b.timeout;
        this.followRedirects = b.followRedirects;
    }

    /** A GET of {@code url}, ready to send. */
    public static EgressRequest get(String url) {
        return builder("GET", url).build();
    }

    /** A request with any method ({@code GET}, {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}, ...). */
    public static Builder builder(String method, String url) {
        return new Builder(method, url);
    }

    public String method() {
        return method;
    }

    /** An absolute {@code https://} (or, where the tenant allows it, {@code http://}) URL. */
    public String url() {
        return url;
    }

    /** Header names as given, each with its values in order. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The body, or empty for a request without one. */
    public Optional<byte[]> body() {
        return Optional.ofNullable(body).map(byte[]::clone);
    }

    /** The time the whole exchange may take, or empty for Berth's default; Berth caps it at its own maximum. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** Whether Berth follows redirects for this request (the default) or returns the 3xx response as it is. */
    public boolean followRedirects() {
        return followRedirects;
    }

    @Override
    public String toString() {
        // Never the headers: they often carry credentials.
        return "EgressRequest[" + method + " " + url + "]";
    }

    /** Builds an {@link EgressRequest}. */
    public static final class Builder {
        private final String method;
        private final String url;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private byte[] body;
        private Duration timeout;
        private boolean followRedirects = true;

        private Builder(String method, String url) {
            this.method = Objects.requireNonNull(method, "method");
            this.url = Objects.requireNonNull(url, "url");
        }

        /** Adds a header value (a second call with the same name adds a second value). */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        public Builder body(byte[] bytes) {
            this.body = Objects.requireNonNull(bytes, "bytes").clone();
            return this;
        }

        /** The body as UTF-8 text with the given {@code Content-Type} (such as {@code application/json}). */
        public Builder body(String contentType, String text) {
            header("Content-Type", contentType);
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        public Builder timeout(Duration limit) {
            this.timeout = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /** {@code false} to get a redirect response itself instead of Berth following it. */
        public Builder followRedirects(boolean follow) {
            this.followRedirects = follow;
            return this;
        }

        public EgressRequest build() {
            return new EgressRequest(this);
        }
    }
}
