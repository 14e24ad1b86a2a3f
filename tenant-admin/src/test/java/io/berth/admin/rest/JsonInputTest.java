package io.berth.admin.rest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.core.http.Problem;
import io.berth.core.http.Problem.FieldError;
import io.berth.core.http.ProblemException;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Set;

/** Typed, strict field access: every unknown field and wrong type is reported, all at once. */
class JsonInputTest {

    private static final Set<String> FIELDS = Set.of("id", "displayName");

    private static JsonInput input(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            return JsonInput.of(object, FIELDS);
        }
    }

    private static Problem rejected(JsonInput in) {
        return assertThrows(ProblemException.class, in::requireNoErrors).problem();
    }

    @Test
    void readsStringFields() {
        JsonInput in = input("{\"id\":\"acme\",\"displayName\":\"ACME\"}");

        assertEquals("acme", in.string("id"));
        assertEquals("ACME", in.string("displayName"));
        assertDoesNotThrow(in::requireNoErrors);
    }

    @Test
    void givesNullWithoutErrorForNullAndAbsentFields() {
        JsonInput in = input("{\"id\":null}");

        assertNull(in.string("id"));
        assertNull(in.string("displayName"));
        assertDoesNotThrow(in::requireNoErrors);
    }

    @Test
    void listsUnknownFieldsInNameOrder() {
        Problem problem = rejected(input("{\"zeta\":1,\"id\":\"acme\",\"alpha\":2}"));

        assertEquals(List.of("alpha", "zeta"), problem.errors().stream().map(FieldError::field).toList());
        assertEquals("unknown field; allowed fields are [displayName, id]", problem.errors().get(0).message());
    }

    @Test
    void reportsAWrongTypeWithTheFieldName() {
        JsonInput in = input("{\"id\":42}");

        assertNull(in.string("id"));
        assertEquals(List.of(new FieldError("id", "must be a string, not number")), rejected(in).errors());
    }

    @Test
    void reportsEveryErrorAsOneInvalidInputProblem() {
        JsonInput in = input("{\"id\":42,\"displayName\":[\"x\"],\"extra\":true}");
        in.string("id");
        in.string("displayName");

        Problem problem = rejected(in);

        assertEquals(400, problem.status());
        assertEquals("urn:berth:problem:invalid-input", problem.type());
        assertEquals(List.of("extra", "id", "displayName"),
                problem.errors().stream().map(FieldError::field).toList());
        assertEquals("must be a string, not array", problem.errors().get(2).message());
    }
}
