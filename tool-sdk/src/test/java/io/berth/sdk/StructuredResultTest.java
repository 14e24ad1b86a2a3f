package io.berth.sdk;

import static io.berth.sdk.ArgumentBindingTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A typed result: its output schema, its structured content and the same JSON as text. */
class StructuredResultTest {

    enum Kind { NOTE, TASK }

    record Query(String q) {
    }

    record Hit(String title, Kind kind, double score, Optional<String> snippet) {
    }

    @Description("What the search found")
    record Found(List<Hit> hits, long total, OptionalInt nextPage, Set<String> tags, Map<String, BigDecimal> stats,
                 LocalDate day, Instant at, ZonedDateTime zoned) {
    }

    static final Found FOUND = new Found(
            List.of(new Hit("A \"quoted\" title", Kind.NOTE, 0.5, Optional.of("line\nbreak")),
                    new Hit("B", Kind.TASK, 1, Optional.empty())),
            2, OptionalInt.empty(), Set.of("x"), Map.of("ms", new BigDecimal("1.50")), LocalDate.of(2026, 3, 31),
            Instant.parse("2026-03-31T12:00:00Z"),
            ZonedDateTime.of(2026, 3, 31, 14, 0, 0, 0, ZoneId.of("Europe/Paris")));

    static Tool tool(StructuredHandler<Query, Found> handler) {
        return Tool.builder("search").description("Searches").arguments(Query.class).output(Found.class)
                .handler(handler).build();
    }

    static ToolResult call(Tool tool) throws Exception {
        return tool.handler().call(new ToolCall("search", json("q", "x")), () -> "tenant");
    }

    @Test
    void theOutputSchemaIsGeneratedFromTheResultRecord() {
        Map<String, Object> schema = tool((q, c) -> FOUND).outputSchema();
        assertEquals("What the search found", schema.get("description"));
        assertEquals(List.of("hits", "total", "tags", "stats", "day", "at", "zoned"), schema.get("required"));
        Map<?, ?> hit = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) schema.get("properties")).get("hits")).get("items");
        assertEquals(List.of("title", "kind", "score"), hit.get("required"));
    }

    @Test
    void theResultIsStructuredContentAndTheSameJsonAsText() throws Exception {
        ToolResult result = call(tool((q, c) -> FOUND));
        assertFalse(result.isError());
        Map<String, Object> expected = json(
                "hits", List.of(json("title", "A \"quoted\" title", "kind", "NOTE", "score", 0.5, "snippet",
                        "line\nbreak"), json("title", "B", "kind", "TASK", "score", 1.0)),
                "total", 2L, "tags", List.of("x"), "stats", json("ms", new BigDecimal("1.50")),
                "day", "2026-03-31", "at", "2026-03-31T12:00:00Z", "zoned", "2026-03-31T14:00:00+02:00");
        assertEquals(expected, result.structuredContent());
        assertEquals("{\"hits\":[{\"title\":\"A \\\"quoted\\\" title\",\"kind\":\"NOTE\",\"score\":0.5,"
                + "\"snippet\":\"line\\nbreak\"},{\"title\":\"B\",\"kind\":\"TASK\",\"score\":1.0}],\"total\":2,"
                + "\"tags\":[\"x\"],\"stats\":{\"ms\":1.50},\"day\":\"2026-03-31\",\"at\":\"2026-03-31T12:00:00Z\","
                + "\"zoned\":\"2026-03-31T14:00:00+02:00\"}", ((Content.Text) result.content().get(0)).text());
    }

    @Test
    void aToolExceptionIsStillAFailureForTheModel() {
        ToolException e = assertThrows(ToolException.class, () -> call(tool((q, c) -> {
            throw new ToolException("Nothing found for " + q.q());
        })));
        assertEquals("Nothing found for x", e.getMessage());
    }

    @Test
    void invalidArgumentsNeverReachTheHandler() throws Exception {
        ToolResult result = tool((q, c) -> {
            throw new AssertionError("called");
        }).handler().call(new ToolCall("search", json("q", 1L)), () -> "tenant");
        assertTrue(result.isError());
        assertEquals(null, result.structuredContent());
    }

    @Test
    void aResultThatBreaksItsOwnSchemaIsTheToolsBug() {
        Found missingTotal = new Found(null, 0, OptionalInt.empty(), Set.of(), Map.of(), LocalDate.MIN, Instant.EPOCH,
                FOUND.zoned());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> call(tool((q, c) -> missingTotal)));
        assertTrue(e.getMessage().startsWith("result.hits: a required component of a result is null"),
                e.getMessage());
        Found nan = new Found(List.of(new Hit("t", Kind.NOTE, Double.NaN, Optional.empty())), 1, OptionalInt.empty(),
                Set.of(), Map.of(), LocalDate.MIN, Instant.EPOCH, FOUND.zoned());
        e = assertThrows(IllegalStateException.class, () -> call(tool((q, c) -> nan)));
        assertEquals("result.hits[0].score: NaN is not a JSON number", e.getMessage());
        assertThrows(IllegalStateException.class, () -> call(tool((q, c) -> null)));
    }
}
