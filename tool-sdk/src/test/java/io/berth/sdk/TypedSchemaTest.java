package io.berth.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The input schema generated from an arguments record: types, formats, required, order, descriptions. */
class TypedSchemaTest {

    enum Order { ASC, DESC }

    @Description("Where to search")
    record Scope(String folder, boolean recursive) {
    }

    record Everything(String text, boolean flag, Boolean boxedFlag, byte b, short s, int i, Integer boxed, long l,
                      BigInteger big, float f, double d, BigDecimal money, Order order) {
    }

    record Times(LocalDate date, LocalTime time, LocalDateTime local, OffsetTime offsetTime, Instant instant,
                 OffsetDateTime offset, ZonedDateTime zoned, Duration duration, UUID id, URI uri) {
    }

    record Containers(List<String> list, Set<Order> set, Collection<Long> collection, int[] ints, String[] strings,
                      Map<String, Double> map, List<List<Integer>> nested, Object any, Map<String, Object> free) {
    }

    record Optionals(@Description("What to look for") String query, Optional<Integer> limit, OptionalInt page,
                     OptionalLong after, OptionalDouble score, Optional<Scope> scope) {
    }

    record Nested(@Description("Overrides the record's") Scope scope, Scope plain) {
    }

    record Empty() {
    }

    static Map<String, Object> schema(Class<? extends Record> type) {
        return Tool.builder("t").description("d").arguments(type).handler((a, c) -> ToolResult.text("")).build()
                .inputSchema();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> property(Class<? extends Record> type, String name) {
        return (Map<String, Object>) ((Map<String, Object>) schema(type).get("properties")).get(name);
    }

    @Test
    void scalarsAreStringsBooleansIntegersNumbersAndEnums() {
        assertEquals(Map.of("type", "string"), property(Everything.class, "text"));
        assertEquals(Map.of("type", "boolean"), property(Everything.class, "flag"));
        assertEquals(Map.of("type", "boolean"), property(Everything.class, "boxedFlag"));
        for (String integer : List.of("b", "s", "i", "boxed", "l", "big")) {
            assertEquals(Map.of("type", "integer"), property(Everything.class, integer), integer);
        }
        for (String number : List.of("f", "d", "money")) {
            assertEquals(Map.of("type", "number"), property(Everything.class, number), number);
        }
        assertEquals(Map.of("type", "string", "enum", List.of("ASC", "DESC")), property(Everything.class, "order"));
    }

    @Test
    void timesIdentifiersAndUrisAreStringsWithAFormatOrAPattern() {
        assertEquals(Map.of("type", "string", "format", "date"), property(Times.class, "date"));
        assertEquals(Map.of("type", "string", "format", "time"), property(Times.class, "offsetTime"));
        for (String dateTime : List.of("instant", "offset", "zoned")) {
            assertEquals(Map.of("type", "string", "format", "date-time"), property(Times.class, dateTime));
        }
        assertEquals(Map.of("type", "string", "format", "duration"), property(Times.class, "duration"));
        assertEquals(Map.of("type", "string", "format", "uuid"), property(Times.class, "id"));
        assertEquals(Map.of("type", "string", "format", "uri"), property(Times.class, "uri"));
        assertEquals("^\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$", property(Times.class, "time").get("pattern"));
        assertEquals("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$",
                property(Times.class, "local").get("pattern"));
    }

    @Test
    void containersAreArraysAndObjects() {
        assertEquals(Map.of("type", "array", "items", Map.of("type", "string")), property(Containers.class, "list"));
        assertEquals(Map.of("type", "array", "items", Map.of("type", "string", "enum", List.of("ASC", "DESC")),
                "uniqueItems", true), property(Containers.class, "set"));
        assertEquals(Map.of("type", "array", "items", Map.of("type", "integer")),
                property(Containers.class, "collection"));
        assertEquals(Map.of("type", "array", "items", Map.of("type", "integer")), property(Containers.class, "ints"));
        assertEquals(Map.of("type", "array", "items", Map.of("type", "string")),
                property(Containers.class, "strings"));
        assertEquals(Map.of("type", "object", "additionalProperties", Map.of("type", "number")),
                property(Containers.class, "map"));
        assertEquals(Map.of("type", "array", "items", Map.of("type", "array", "items", Map.of("type", "integer"))),
                property(Containers.class, "nested"));
        assertEquals(Map.of(), property(Containers.class, "any"));
        assertEquals(Map.of("type", "object", "additionalProperties", Map.of()), property(Containers.class, "free"));
    }

    @Test
    void everyComponentIsRequiredButOptionals() {
        Map<String, Object> schema = schema(Optionals.class);
        assertEquals(List.of("query"), schema.get("required"));
        assertEquals(Map.of("type", "integer"), property(Optionals.class, "limit"));
        assertEquals(Map.of("type", "integer"), property(Optionals.class, "page"));
        assertEquals(Map.of("type", "integer"), property(Optionals.class, "after"));
        assertEquals(Map.of("type", "number"), property(Optionals.class, "score"));
        assertEquals("object", property(Optionals.class, "scope").get("type"));
    }

    @Test
    void propertiesFollowTheComponentOrderAndNothingElseIsAllowed() {
        Map<String, Object> schema = schema(Everything.class);
        assertEquals(List.of("type", "properties", "required", "additionalProperties"), List.copyOf(schema.keySet()));
        assertEquals(List.of("text", "flag", "boxedFlag", "b", "s", "i", "boxed", "l", "big", "f", "d", "money",
                "order"), List.copyOf(((Map<?, ?>) schema.get("properties")).keySet()));
        assertEquals(schema.get("required"), List.copyOf(((Map<?, ?>) schema.get("properties")).keySet()));
        assertEquals(false, schema.get("additionalProperties"));
    }

    @Test
    void descriptionsComeFromComponentsAndRecords() {
        assertEquals(Map.of("type", "string", "description", "What to look for"),
                property(Optionals.class, "query"));
        assertEquals(List.of("type", "description", "properties", "required", "additionalProperties"),
                List.copyOf(property(Nested.class, "plain").keySet()));
        assertEquals("Where to search", property(Nested.class, "plain").get("description"));
        assertEquals("Overrides the record's", property(Nested.class, "scope").get("description"));
        assertEquals("Where to search", schema(Scope.class).get("description"));
    }

    @Test
    void nestedRecordsAreInlinedObjects() {
        Map<String, Object> scope = property(Nested.class, "plain");
        assertEquals(Map.of("folder", Map.of("type", "string"), "recursive", Map.of("type", "boolean")),
                scope.get("properties"));
        assertEquals(List.of("folder", "recursive"), scope.get("required"));
        assertEquals(false, scope.get("additionalProperties"));
    }

    @Test
    void aRecordWithoutComponentsTakesNoArguments() {
        assertEquals(Map.of("type", "object", "properties", Map.of(), "additionalProperties", false),
                schema(Empty.class));
    }

    @Test
    void theSchemaIsFrozenAndTheSameEveryTime() {
        Map<String, Object> schema = schema(Containers.class);
        assertEquals(schema, schema(Containers.class));
        assertThrows(UnsupportedOperationException.class, () -> schema.put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> ((Map<String, Object>) schema.get("properties"))
                .clear());
    }
}
