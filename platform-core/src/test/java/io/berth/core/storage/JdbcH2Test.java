package io.berth.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link Jdbc} against a real (in-memory H2, PostgreSQL mode) database. The session runs in a non-UTC, non-whole-hour
 * zone so that binding an {@link Instant} as a local date-time would store the wrong moment and fail these tests.
 */
class JdbcH2Test {

    private static final String INSERT = "insert into item (id, name, created_at) values (?, ?, ?)";

    private Jdbc jdbc;

    @BeforeEach
    void freshDatabase() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";TIME ZONE=Asia/Kathmandu");
        jdbc = new Jdbc();
        jdbc.dataSource = ds;
        jdbc.update("create table", "create table item (id varchar(40) primary key, name varchar(200) not null, "
                + "created_at timestamp with time zone)");
    }

    @AfterEach
    void dropDatabase() {
        jdbc.update("drop database", "shutdown");
    }

    private Optional<String> nameOf(String id) {
        return jdbc.queryOne("read item", "select name from item where id = ?", row -> row.getString("name"), id);
    }

    @Test
    void writesAndReadsRowsWithBoundParameters() {
        assertEquals(1, jdbc.update("insert item", INSERT, "a", "Alpha", null));
        assertEquals(1, jdbc.update("insert item", INSERT, "b", "Beta", null));

        assertEquals(List.of("a", "b"),
                jdbc.query("list items", "select id from item order by id", row -> row.getString("id")));
        assertEquals(Optional.of("Beta"), nameOf("b"));
        assertEquals(Optional.empty(), nameOf("missing"));
    }

    @Test
    void instantsSurviveATimestampWithTimeZoneColumn() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.update("insert item", INSERT, "a", "Alpha", now);

        Optional<Instant> read = jdbc.queryOne("read item", "select created_at from item where id = ?",
                row -> Jdbc.instant(row, "created_at"), "a");

        assertEquals(Optional.of(now), read);
    }

    @Test
    void instantsAreStoredAsTheMomentTheyDenote() {
        jdbc.update("insert item", INSERT, "a", "Alpha", Instant.parse("2025-01-02T03:04:05.123456Z"));

        List<String> matching = jdbc.query("find item", "select id from item where created_at = "
                + "timestamp with time zone '2025-01-02 08:49:05.123456+05:45'", row -> row.getString("id"));

        assertEquals(List.of("a"), matching);
    }

    @Test
    void readsAnAbsentInstantAsNull() {
        jdbc.update("insert item", INSERT, "a", "Alpha", null);

        List<Instant> read = jdbc.query("read item", "select created_at from item",
                row -> Jdbc.instant(row, "created_at"));

        assertEquals(1, read.size());
        assertNull(read.get(0));
    }

    @Test
    void commitsWorkThatReturns() {
        String result = jdbc.inTransaction("insert items", c -> {
            Jdbc.update(c, INSERT, "a", "Alpha", null);
            Jdbc.update(c, INSERT, "b", "Beta", null);
            return "done";
        });

        assertEquals("done", result);
        assertEquals(Optional.of("Alpha"), nameOf("a"));
        assertEquals(Optional.of("Beta"), nameOf("b"));
    }

    @Test
    void rollsBackWorkThatThrowsAndRethrowsTheFailure() {
        IllegalStateException failure = new IllegalStateException("boom");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> jdbc.inTransaction("insert item", c -> {
                    Jdbc.update(c, INSERT, "a", "Alpha", null);
                    throw failure;
                }));

        assertSame(failure, thrown);
        assertEquals(Optional.empty(), nameOf("a"));
    }

    @Test
    void rollsBackWorkThatFailsInTheDatabase() {
        StorageException thrown = assertThrows(StorageException.class,
                () -> jdbc.inTransaction("insert items", c -> {
                    Jdbc.update(c, INSERT, "a", "Alpha", null);
                    Jdbc.update(c, INSERT, "a", "Again", null);
                    return null;
                }));

        assertTrue(Jdbc.isUniqueViolation(thrown));
        assertEquals(Optional.empty(), nameOf("a"));
    }

    @Test
    void reportsADuplicateKeyAsAUniqueViolationNamingOnlyTheOperation() {
        jdbc.update("insert item", INSERT, "a", "Alpha", null);

        StorageException thrown = assertThrows(StorageException.class,
                () -> jdbc.update("insert item", INSERT, "a", "Again", null));

        assertTrue(Jdbc.isUniqueViolation(thrown));
        assertInstanceOf(SQLException.class, thrown.getCause());
        assertEquals("Database operation failed: insert item", thrown.getMessage());
        assertEquals(Optional.of("Alpha"), nameOf("a"));
    }
}
