package io.berth.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** A call's plain-Java JSON arguments bound to the record, or every problem with its path. */
class ArgumentBindingTest {

    enum Order { ASC, DESC }

    record Filter(LocalDate from, Optional<LocalDate> to) {
    }

    record Search(String query, int limit, Optional<Order> order, Optional<Filter> filter, List<String> tags) {
    }

    record Everything(boolean flag, byte b, short s, long l, BigInteger big, float f, double d, BigDecimal money,
                      LocalTime time, LocalDateTime local, Instant instant, OffsetDateTime offset,
                      ZonedDateTime zoned, Duration duration, UUID id, URI uri, Set<Order> orders, int[] ints,
                      Map<String, Integer> counts, Object any, OptionalInt page) {
    }

    record Range(int low, int high) {
        Range {
            if (low > high) {
                throw new IllegalArgumentException("low must not be greater than high");
            }
        }
    }

    record Ranges(Range first, List<Range> more) {
    }

    /** The arguments the handler got, or the error result the call ended with. */
    static <A extends Record> Object call(Class<A> type, Map<String, Object> arguments) throws Exception {
        AtomicReference<Object> got = new AtomicReference<>();
        Tool tool = Tool.builder("t").description("d").arguments(type)
                .handler((a, c) -> {
                    got.set(a);
                    return ToolResult.text("ok");
                }).build();
        ToolResult result = tool.handler().call(new ToolCall("t", arguments), () -> "tenant");
        return result.isError() ? result : got.get();
    }

    static String errorOf(Class<? extends Record> type, Map<String, Object> arguments) throws Exception {
        Object outcome = call(type, arguments);
        if (!(outcome instanceof ToolResult result)) {
            throw new AssertionError("expected an error, got " + outcome);
        }
        return ((Content.Text) result.content().get(0)).text();
    }

    static Map<String, Object> json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void bindsAValidCall() throws Exception {
        Object bound = call(Search.class, json("query", "berth", "limit", 10L, "order", "DESC",
                "filter", json("from", "2026-01-31"), "tags", List.of("a", "b")));
        assertEquals(new Search("berth", 10, Optional.of(Order.DESC),
                Optional.of(new Filter(LocalDate.of(2026, 1, 31), Optional.empty())), List.of("a", "b")), bound);
    }

    @Test
    void absentAndNullOptionalsAreEmpty() throws Exception {
        Map<String, Object> arguments = json("query", "q", "limit", 1L, "order", null, "tags", List.of());
        Search bound = (Search) call(Search.class, arguments);
        assertEquals(Optional.empty(), bound.order());
        assertEquals(Optional.empty(), bound.filter());
    }

    @Test
    void bindsEveryKindOfValue() throws Exception {
        UUID id = UUID.randomUUID();
        Everything e = (Everything) call(Everything.class, json("flag", true, "b", -128L, "s", 300L,
                "l", Long.MIN_VALUE, "big", new BigDecimal("123456789012345678901234567890"), "f", new BigDecimal("1.5"),
                "d", 2L, "money", new BigDecimal("0.10"), "time", "14:30", "local", "2026-03-31T14:30:15.5",
                "instant", "2026-03-31T14:30:00+02:00", "offset", "2026-03-31T14:30:00-05:00",
                "zoned", "2026-03-31T14:30:00Z", "duration", "PT15M", "id", id.toString(),
                "uri", "https://example.com/a?b=c", "orders", List.of("ASC", "DESC"), "ints", List.of(1L, 2L),
                "counts", json("x", 1L), "any", json("free", java.util.Arrays.asList(1L, "two", null)), "page", 3L));
        assertTrue(e.flag());
        assertEquals(-128, e.b());
        assertEquals(300, e.s());
        assertEquals(new BigInteger("123456789012345678901234567890"), e.big());
        assertEquals(1.5f, e.f());
        assertEquals(2.0, e.d());
        assertEquals(new BigDecimal("0.10"), e.money());
        assertEquals(LocalTime.of(14, 30), e.time());
        assertEquals(Instant.parse("2026-03-31T12:30:00Z"), e.instant());
        assertEquals(-5 * 3600, e.offset().getOffset().getTotalSeconds());
        assertEquals(Duration.ofMinutes(15), e.duration());
        assertEquals(id, e.id());
        assertEquals(URI.create("https://example.com/a?b=c"), e.uri());
        assertEquals(List.of(Order.ASC, Order.DESC), List.copyOf(e.orders()));
        assertArrayEquals(new int[] {1, 2}, e.ints());
        assertEquals(Map.of("x", 1), e.counts());
        assertEquals(json("free", java.util.Arrays.asList(1L, "two", null)), e.any());
        assertEquals(OptionalInt.of(3), e.page());
    }

    @Test
    void integersMayBeWrittenWithAZeroFraction() throws Exception {
        Search bound = (Search) call(Search.class, json("query", "q", "limit", new BigDecimal("20.00"),
                "tags", List.of()));
        assertEquals(20, bound.limit());
    }

    @Test
    void boundCollectionsAreUnmodifiable() throws Exception {
        List<String> tags = new ArrayList<>(List.of("a"));
        Search bound = (Search) call(Search.class, json("query", "q", "limit", 1L, "tags", tags));
        assertThrows(UnsupportedOperationException.class, () -> bound.tags().add("b"));
    }

    @Test
    void aWrongTypeNamesThePathWhatWasExpectedAndWhatCame() throws Exception {
        String error = errorOf(Search.class, json("query", "q", "limit", "ten", "tags", List.of()));
        assertEquals("The arguments of tool t are invalid (1 problem):\n"
                + "- arguments.limit: expected an integer, got \"ten\"\n"
                + "Correct the arguments and call the tool again.", error);
    }

    @Test
    void everyProblemIsListedInComponentOrder() throws Exception {
        String error = errorOf(Search.class, json("limit", 2.5, "order", "UP", "filter", json("from", "yesterday",
                "to", 7L), "tags", List.of("a", 3L, json()), "colour", "red"));
        assertTrue(error.contains("(8 problems)"), error);
        List<String> lines = error.lines().filter(l -> l.startsWith("- ")).toList();
        assertEquals(List.of(
                "- arguments.colour: unknown property; expected only query, limit, order, filter, tags",
                "- arguments.query: missing; expected a string",
                "- arguments.limit: expected an integer, got 2.5",
                "- arguments.order: expected one of \"ASC\", \"DESC\", got \"UP\"",
                "- arguments.filter.from: expected a date such as 2026-03-31, got \"yesterday\"",
                "- arguments.filter.to: expected a date such as 2026-03-31, got 7",
                "- arguments.tags[1]: expected a string, got 3",
                "- arguments.tags[2]: expected a string, got an object"), lines);
    }

    @Test
    void nullIsNotAValueOfARequiredComponent() throws Exception {
        String error = errorOf(Search.class, json("query", null, "limit", 1L, "tags", java.util.Arrays.asList("a",
                null)));
        assertTrue(error.contains("- arguments.query: expected a string, got null"), error);
        assertTrue(error.contains("- arguments.tags[1]: expected a string, got null"), error);
    }

    @Test
    void numbersOutOfTheTypesRangeAreProblemsNotWrapped() throws Exception {
        String error = errorOf(Everything.class, json("b", 128L, "s", -40000L, "l", new BigDecimal("1e19"),
                "f", new BigDecimal("1e39"), "d", new BigDecimal("1e400"), "big", new BigDecimal("1e999999999")));
        assertTrue(error.contains("- arguments.b: expected an integer from -128 to 127, got 128"), error);
        assertTrue(error.contains("- arguments.s: expected an integer from -32768 to 32767, got -40000"), error);
        assertTrue(error.contains("- arguments.l: expected an integer from -9223372036854775808 to "
                + "9223372036854775807, got 1E+19"), error);
        assertTrue(error.contains("- arguments.f: expected a number from"), error);
        assertTrue(error.contains("- arguments.d: expected a number from"), error);
        assertTrue(error.contains("- arguments.big: expected an integer, got 1E+999999999"), error);
    }

    @Test
    void stringsOfAFixedSyntaxAreCheckedStrictly() throws Exception {
        String error = errorOf(Everything.class, json("id", "1-2-3-4-5", "uri", "relative/path",
                "instant", "2026-03-31T14:30:00", "duration", "P1M", "time", "25:00"));
        assertTrue(error.contains("- arguments.id: expected a UUID such as"), error);
        assertTrue(error.contains("- arguments.uri: expected an absolute URI such as"), error);
        assertTrue(error.contains("- arguments.instant: expected a date and time with offset such as"), error);
        assertTrue(error.contains("- arguments.duration: expected an ISO 8601 duration such as"), error);
        assertTrue(error.contains("- arguments.time: expected a time such as"), error);
    }

    @Test
    void setsRefuseDuplicates() throws Exception {
        String error = errorOf(Everything.class, json("orders", List.of("ASC", "ASC")));
        assertTrue(error.contains("- arguments.orders: the items must be unique, but \"ASC\" appears more than once"),
                error);
    }

    @Test
    void longStringsAreCutShortInMessages() throws Exception {
        String error = errorOf(Search.class, json("query", "q", "limit", "x".repeat(500), "tags", List.of()));
        assertTrue(error.contains("got \"" + "x".repeat(60) + "…\""), error);
        assertFalse(error.contains("x".repeat(61)), error);
    }

    @Test
    void anIllegalArgumentExceptionFromTheCompactConstructorIsAProblemOfTheCall() throws Exception {
        String error = errorOf(Ranges.class, json("first", json("low", 5L, "high", 1L),
                "more", List.of(json("low", 1L, "high", 2L), json("low", 9L, "high", 0L))));
        assertTrue(error.contains("- arguments.first: low must not be greater than high"), error);
        assertTrue(error.contains("- arguments.more[1]: low must not be greater than high"), error);
    }

    @Test
    void aCallWithManyProblemsListsTheFirstFifty() throws Exception {
        List<Object> tags = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            tags.add((long) i);
        }
        String error = errorOf(Search.class, json("query", "q", "limit", 1L, "tags", tags));
        assertTrue(error.contains("(80 problems)"), error);
        assertTrue(error.contains("- … and 30 more"), error);
        assertEquals(51, error.lines().filter(l -> l.startsWith("- ")).count());
    }
}
