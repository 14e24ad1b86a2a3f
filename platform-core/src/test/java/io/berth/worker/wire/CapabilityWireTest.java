package io.berth.worker.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.Caller;
import io.berth.sdk.DataEntry;
import io.berth.sdk.DataPage;
import io.berth.sdk.EgressRequest;
import io.berth.sdk.EgressResponse;
import io.berth.sdk.Secret;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Caller, data and egress values survive the trip through JSON text exactly (instants to the nanosecond, bytes,
 * repeated headers), and malformed answers are refused as {@link JsonException}s, never passed on half-read.
 */
class CapabilityWireTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> viaText(Map<String, Object> m) {
        return (Map<String, Object>) JsonReader.parse(JsonWriter.write(m));
    }

    @Test
    void dataEntriesAndPagesRoundTrip() {
        DataEntry e = new DataEntry("k/1", "v\u00e9\ud83d\ude00", 42, Instant.parse("2030-01-02T03:04:05.123456789Z"));
        assertEquals(Optional.of(e), DataWire.readEntry(viaText(DataWire.entry(Optional.of(e)))));
        assertEquals(Optional.empty(), DataWire.readEntry(viaText(DataWire.entry(Optional.empty()))));
        DataPage page = new DataPage(List.of(e, new DataEntry("k/2", "", 43, null)), "next");
        assertEquals(page, DataWire.page(viaText(DataWire.page(page))));
        assertEquals(new DataPage(List.of(), null), DataWire.page(viaText(DataWire.page(new DataPage(List.of(), null)))));

        Map<String, Object> p = new LinkedHashMap<>();
        DataWire.putTtl(p, Duration.ofSeconds(3600, 123456789));
        assertEquals(Duration.ofSeconds(3600, 123456789), DataWire.ttl(viaText(p)));
        assertEquals(null, DataWire.ttl(Map.of()));
        assertThrows(JsonException.class, () -> DataWire.ttl(Map.of("ttl", "an hour")));
        assertThrows(JsonException.class, () -> DataWire.readEntry(Map.of("entry", Map.of("key", "k", "value", "v",
                "version", 1L, "expiresAt", "tomorrow"))));
        assertThrows(JsonException.class, () -> DataWire.readEntry(Map.of("entry", Map.of("key", "k", "version", 1L))));
    }

    @Test
    void egressRequestsAndResponsesRoundTrip() {
        byte[] body = new byte[300];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 7);
        }
        EgressRequest r = EgressRequest.builder("POST", "https://api.example.com/x?y=1").header("Accept", "a")
                .header("Accept", "b").header("X-Empty", "").body(body).timeout(Duration.ofMillis(1500))
                .followRedirects(false).build();
        EgressRequest back = EgressWire.request(viaText(EgressWire.request(r)));
        assertEquals(r.method(), back.method());
        assertEquals(r.url(), back.url());
        assertEquals(r.headers(), back.headers());
        assertArrayEquals(body, back.body().orElseThrow());
        assertEquals(r.timeout(), back.timeout());
        assertFalse(back.followRedirects());

        EgressRequest bare = EgressWire.request(viaText(EgressWire.request(EgressRequest.get("https://e.com/"))));
        assertTrue(bare.body().isEmpty());
        assertTrue(bare.timeout().isEmpty());
        assertTrue(bare.followRedirects());

        EgressResponse response = new EgressResponse(404, Map.of("Set-Cookie", List.of("a", "b")), body);
        EgressResponse decoded = EgressWire.response(viaText(EgressWire.response(response)));
        assertEquals(404, decoded.status());
        assertEquals(Map.of("set-cookie", List.of("a", "b")), decoded.headers());
        assertArrayEquals(body, decoded.body());

        assertThrows(JsonException.class, () -> EgressWire.response(Map.of("status", 200L, "headers", Map.of(),
                "body", "not base64!")));
        assertThrows(JsonException.class, () -> EgressWire.response(Map.of("status", 99_999L, "headers", Map.of(),
                "body", "")));
        assertThrows(JsonException.class, () -> EgressWire.response(Map.of("status", 200L, "headers",
                Map.of("a", List.of(1L)), "body", "")));
        assertThrows(JsonException.class, () -> EgressWire.request(Map.of("method", "GET", "url", "https://e.com/",
                "headers", Map.of("a", "b"), "followRedirects", true)));
    }

    @Test
    void callersAndSecretsRoundTrip() {
        Caller c = new Caller("sub", null, Set.of("b", "a"));
        assertEquals(c, CallerWire.caller(viaText(CallerWire.caller(c))));
        assertEquals(Caller.anonymous(), CallerWire.caller(viaText(CallerWire.caller(Caller.anonymous()))));
        Secret s = CallerWire.readSecret(viaText(CallerWire.secret(Optional.of(new Secret("n", "v"))))).orElseThrow();
        assertEquals("n", s.name());
        assertEquals("v", s.reveal());
        assertTrue(CallerWire.readSecret(viaText(CallerWire.secret(Optional.empty()))).isEmpty());
        assertThrows(JsonException.class, () -> CallerWire.caller(Map.of("subject", "s", "scopes", List.of(1L))));
    }
}
