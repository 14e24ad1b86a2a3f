package io.berth.core.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

class UniqueViolationTest {

    private static SQLException withState(String sqlState) {
        return new SQLException("failed", sqlState);
    }

    @Test
    void recognisesSqlState23505AnywhereInTheCauseChain() {
        assertTrue(Jdbc.isUniqueViolation(withState("23505")));
        assertTrue(Jdbc.isUniqueViolation(new StorageException("create tenant", withState("23505"))));
        assertTrue(Jdbc.isUniqueViolation(
                new IllegalStateException(new StorageException("create tenant", withState("23505")))));
    }

    @Test
    void ignoresOtherFailures() {
        assertFalse(Jdbc.isUniqueViolation(null));
        assertFalse(Jdbc.isUniqueViolation(new StorageException("create tenant", withState("23503"))));
        assertFalse(Jdbc.isUniqueViolation(new StorageException("create tenant", withState(null))));
        assertFalse(Jdbc.isUniqueViolation(new StorageException("create tenant", new SQLException("23505"))));
        assertFalse(Jdbc.isUniqueViolation(new IllegalStateException("23505")));
    }
}
