package io.berth.core.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a tenant may list: exact https origins (http on loopback), in the form browsers send. */
class OriginsTest {

    @ParameterizedTest
    @CsvSource({
            "https://app.example.com,https://app.example.com",
            "  HTTPS://App.Example.COM  ,https://app.example.com",
            "https://app.example.com/,https://app.example.com",
            "https://app.example.com:443,https://app.example.com",
            "https://app.example.com:8443,https://app.example.com:8443",
            "http://localhost:3000,http://localhost:3000",
            "http://localhost:80,http://localhost",
            "http://127.0.0.1:5173,http://127.0.0.1:5173",
            "http://[::1]:6274,http://[::1]:6274",
            "https://203.0.113.7,https://203.0.113.7",
            "https://xn--bcher-kva.example,https://xn--bcher-kva.example"})
    void validOriginsAreNormalisedToWhatBrowsersSend(String given, String normal) {
        assertEquals(normal, Origins.normalise(given));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "*|wildcards are not allowed",
            "https://*.example.com|wildcards are not allowed",
            "http://app.example.com|must use https://",
            "http://192.168.1.10:8080|must use https://",
            "https://app.example.com/path|without path",
            "https://app.example.com?x=1|without path",
            "https://app.example.com#top|without path",
            "https://user@app.example.com|without path",
            "ftp://app.example.com|must start with https://",
            "app.example.com|must start with https://",
            "null|must start with https://",
            "https://|not a valid origin",
            "https://bücher.example|no valid host",
            "https://exa_mple.com|no valid host",
            "https://app.example.com:70000|between 1 and 65535",
            "https://app example.com|not a valid origin"})
    void invalidOriginsAreRefusedWithAHelpfulMessage(String given, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Origins.normalise(given));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankOriginsAreRefused(String given) {
        assertThrows(IllegalArgumentException.class, () -> Origins.normalise(given));
    }

    @Test
    void aListIsNormalisedWithoutDuplicatesInItsOrder() {
        assertEquals(List.of("https://b.example", "http://localhost:3000"),
                Origins.normalise(List.of("https://B.example", "http://localhost:3000", "https://b.example:443/")));
    }

    @Test
    void everyProblemIsReportedWithItsIndex() {
        List<Origins.OriginProblem> problems = Origins.problems(List.of("https://ok.example", "*",
                "http://bad.example"));
        assertEquals(List.of(1, 2), problems.stream().map(Origins.OriginProblem::index).toList());
        assertTrue(Origins.problems(List.of("https://ok.example")).isEmpty());
    }

    @Test
    void atMostFiftyOrigins() {
        List<String> fifty = IntStream.range(0, Origins.MAX_ORIGINS).mapToObj(i -> "https://a" + i + ".example")
                .toList();
        assertTrue(Origins.problems(fifty).isEmpty());
        List<String> more = new java.util.ArrayList<>(fifty);
        more.add("https://one-more.example");
        assertEquals(List.of(new Origins.OriginProblem(-1, "at most 50 origins, not 51")), Origins.problems(more));
        assertThrows(IllegalArgumentException.class, () -> Origins.normalise(more));
        assertEquals(List.of(), Origins.normalise(Collections.emptyList()));
    }
}
