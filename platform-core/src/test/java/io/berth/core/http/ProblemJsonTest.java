package io.berth.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.core.http.Problem.FieldError;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** The RFC 9457 body a problem becomes. */
class ProblemJsonTest {

    @Test
    void carriesTypeTitleStatusAndDetail() {
        JsonObject json = Problem.of("tenant-not-found", "Tenant not found", 404, "No such tenant.").toJson();

        assertEquals("urn:berth:problem:tenant-not-found", json.getString("type"));
        assertEquals("Tenant not found", json.getString("title"));
        assertEquals(404, json.getInt("status"));
        assertEquals("No such tenant.", json.getString("detail"));
        assertEquals(4, json.size());
    }

    @Test
    void omitsDetailWhenThereIsNone() {
        JsonObject json = Problem.of("conflict", "Conflict", 409, null).toJson();

        assertFalse(json.containsKey("detail"));
        assertEquals(409, json.getInt("status"));
    }

    @Test
    void listsFieldErrorsOnlyWhenThereAreSome() {
        Problem problem = Problem.of("invalid-input", "Invalid input", 400, "Bad.");
        assertFalse(problem.toJson().containsKey("errors"));
        assertFalse(problem.withErrors(List.of()).toJson().containsKey("errors"));

        JsonArray errors = problem.withErrors(List.of(new FieldError("id", "must match"),
                new FieldError("displayName", "must not be blank"))).toJson().getJsonArray("errors");

        assertEquals(2, errors.size());
        assertEquals("id", errors.getJsonObject(0).getString("field"));
        assertEquals("must match", errors.getJsonObject(0).getString("message"));
        assertEquals("displayName", errors.getJsonObject(1).getString("field"));
        assertEquals("must not be blank", errors.getJsonObject(1).getString("message"));
    }

    @Test
    void keepsItsOwnImmutableCopyOfTheErrors() {
        List<FieldError> given = new ArrayList<>(List.of(new FieldError("id", "must match")));
        Problem problem = Problem.of("invalid-input", "Invalid input", 400, null).withErrors(given);

        given.add(new FieldError("other", "added later"));

        assertEquals(List.of(new FieldError("id", "must match")), problem.errors());
        assertThrows(UnsupportedOperationException.class,
                () -> problem.errors().add(new FieldError("x", "y")));
    }

    @Test
    void treatsNullErrorsAsNone() {
        Problem problem = new Problem("urn:berth:problem:x", "X", 400, null, null);

        assertEquals(List.of(), problem.errors());
        assertFalse(problem.toJson().containsKey("errors"));
    }
}
