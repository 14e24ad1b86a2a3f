package io.berth.admin.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.core.http.Problem;
import io.berth.core.http.ProblemException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The version an If-Match header asks for: our own strong ETags only. */
class IfMatchVersionTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"*", " * "})
    void asksForNoVersionWhenAbsentOrAny(String ifMatch) {
        assertNull(TenantsResource.expectedVersion(ifMatch));
    }

    @Test
    void readsTheVersionOfAStrongEtag() {
        assertEquals(3L, TenantsResource.expectedVersion("\"3\""));
        assertEquals(1234567890123L, TenantsResource.expectedVersion(" \"1234567890123\" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "\"x\"", "W/\"3\"", "\"\"", "\"", "\"3", "\"3\", \"4\""})
    void refusesAnythingElseWithPreconditionFailed(String ifMatch) {
        Problem problem = assertThrows(ProblemException.class,
                () -> TenantsResource.expectedVersion(ifMatch)).problem();

        assertEquals(412, problem.status());
        assertEquals("urn:berth:problem:version-mismatch", problem.type());
    }
}
