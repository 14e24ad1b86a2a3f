package io.berth.admin.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.core.http.Problem;
import io.berth.core.http.Problem.FieldError;
import io.berth.core.http.ProblemException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

/** The limit query parameter: a whole number from 1 to 200. */
class PageSizeTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 50, 200})
    void acceptsOneToTwoHundred(int limit) {
        assertEquals(limit, TenantsResource.pageSize(Integer.toString(limit)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0", "201", "abc", "-5", "1.5", " 5", "99999999999"})
    void refusesAnythingElseNamingTheLimitParameter(String limit) {
        Problem problem = assertThrows(ProblemException.class, () -> TenantsResource.pageSize(limit)).problem();

        assertEquals(400, problem.status());
        assertEquals("urn:berth:problem:invalid-input", problem.type());
        assertEquals(List.of("limit"), problem.errors().stream().map(FieldError::field).toList());
    }
}
