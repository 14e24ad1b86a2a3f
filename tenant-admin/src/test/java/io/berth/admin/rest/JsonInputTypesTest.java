package io.berth.admin.rest;

import io.berth.core.http.Problem;
import io.berth.core.http.Problem.FieldError;
import io.berth.core.http.ProblemException;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Booleans, whole numbers and string arrays: wrong types are field errors, null and absent are null. */
class JsonInputTypesTest {

    private static JsonInput input(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return JsonInput.of(reader.readObject(), Set.of("b", "n", "list"));
        }
    }

    @Test
    void readsTheirValues() {
        JsonInput in = input("{\"b\":true,\"n\":1099511627776,\"list\":[\"a\",\"b\"]}");
        assertEquals(Boolean.TRUE, in.bool("b"));
        assertEquals(1099511627776L, in.wholeNumber("n"));
        assertEquals(List.of("a", "b"), in.strings("list"));
        assertDoesNotThrow(in::requireNoErrors);
    }

    @Test
    void nullAndAbsentAreNull() {
        JsonInput in = input("{\"b\":null,\"list\":null}");
        assertNull(in.bool("b"));
        assertNull(in.wholeNumber("n"));
        assertNull(in.strings("list"));
        assertDoesNotThrow(in::requireNoErrors);
    }

    @Test
    void wrongTypesAreReportedPerFieldAndElement() {
        JsonInput in = input("{\"b\":\"yes\",\"n\":1.5,\"list\":[\"ok\",3,{}]}");
        assertNull(in.bool("b"));
        assertNull(in.wholeNumber("n"));
        assertEquals(List.of("ok"), in.strings("list"));
        Problem p = assertThrows(ProblemException.class, in::requireNoErrors).problem();
        assertEquals(List.of("b", "n", "list[1]", "list[2]"), p.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void numbersBeyondALongAndNonArraysAreRefused() {
        JsonInput in = input("{\"n\":1e40,\"list\":\"a\"}");
        in.wholeNumber("n");
        in.strings("list");
        assertEquals(2, assertThrows(ProblemException.class, in::requireNoErrors).problem().errors().size());
    }

    @Test
    void ifMatchReadsOurEtagsOnly() {
        assertNull(IfMatch.version(null));
        assertNull(IfMatch.version("*"));
        assertEquals(7L, IfMatch.version("\"7\""));
        assertEquals(412, assertThrows(ProblemException.class, () -> IfMatch.version("7")).problem().status());
        assertEquals(412, assertThrows(ProblemException.class, () -> IfMatch.version("W/\"7\"")).problem().status());
    }
}
