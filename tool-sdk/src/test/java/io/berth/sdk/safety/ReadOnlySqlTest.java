package io.berth.sdk.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.ToolException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The read-only SQL guard: ordinary reading queries pass, and every way to write or hide a second statement fails. */
class ReadOnlySqlTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 1",
        "select name, count(*) from customers where city = 'Zürich' group by name order by 2 desc limit 10",
        "SELECT * FROM t WHERE note = 'it''s; DROP TABLE t; --'",
        "SELECT \"update\", `delete` FROM \"insert\"",
        "WITH recent AS (SELECT * FROM orders WHERE day > $1) SELECT count(*) FROM recent;",
        "  EXPLAIN SELECT * FROM t  ;  ",
        "(SELECT a FROM x) UNION (SELECT a FROM y)",
        "SELECT 1e10, 0.5, x::text FROM t",
        "SELECT * FROM t WHERE name LIKE '%drop%' AND id IN (1, 2, 3)",
        "SELECT N'unicode', X'00ff' FROM dual",
    })
    void readingQueriesPass(String sql) {
        assertEquals(java.util.Optional.empty(), ReadOnlySql.problem(sql), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "INSERT INTO t VALUES (1)",
        "UPDATE t SET a = 1",
        "DELETE FROM t",
        "DROP TABLE t",
        "SELECT 1; DROP TABLE t",
        "SELECT 1; SELECT 2",
        "SELECT 1;;",
        "SELECT * INTO copy FROM t",
        "SELECT * FROM t INTO OUTFILE '/tmp/x'",
        "WITH gone AS (DELETE FROM t RETURNING *) SELECT * FROM gone",
        "WITH x AS (INSERT INTO t VALUES (1) RETURNING id) SELECT id FROM x",
        "EXPLAIN ANALYZE DELETE FROM t",
        "EXPLAIN (ANALYZE) SELECT f()",
        "SELECT * FROM t FOR UPDATE",
        "SELECT * FROM t FOR SHARE",
        "SELECT nextval('seq')",
        "SELECT set_config('role', 'admin', false)",
        "SELECT pg_read_file('/etc/passwd')",
        "SELECT * FROM dblink('host=evil', 'DELETE FROM t') AS x(a int)",
        "SELECT load_file('/etc/passwd')",
        "SELECT pg_sleep(100)",
        "SELECT query_to_xml('DELETE FROM t', true, true, '')",
        "SELECT 1 -- comment",
        "SELECT 1 /* comment */",
        "SELECT /*!50000 DROP TABLE t */ 1",
        "SELECT 1 # mysql comment",
        "SELECT * FROM t WHERE a = 'x\\' ; DELETE FROM t; -- '",
        "SELECT \"a\\\"\" ; DELETE FROM t; \"\"",
        "SELECT $$ ; DELETE FROM t; $$",
        "SELECT $tag$ x $tag$",
        "SELECT E'\\x27; DROP TABLE t'",
        "SELECT 'unterminated",
        "SELECT \"unterminated",
        "SELECT 1\u0000; DROP TABLE t",
        "SELECT\u200B1",
        "SHOW TABLES",
        "CALL proc()",
        "VALUES (1)",
        "GRANT ALL ON t TO public",
        "COPY t TO PROGRAM 'id'",
        "SET ROLE admin",
        "select * from t where x = 1 union all select * from pg_catalog.pg_authid; vacuum",
        "'SELECT' SELECT 1",
        "SeLeCt 1; dRoP tAbLe t",
        "SELECT 1 \u037E DROP TABLE t",
        "SELECT ınsert FROM t",
        "SELECT 1 INTO @var",
        "LOCK TABLE t",
    })
    void writesSecondStatementsAndHidingPlacesAreRefused(String sql) {
        assertTrue(ReadOnlySql.problem(sql).isPresent(), () -> "accepted: " + sql);
        assertThrows(ToolException.class, () -> ReadOnlySql.require(sql));
    }

    @Test
    void requireReturnsTheStatementWithoutItsSemicolon() throws ToolException {
        assertEquals("SELECT 1", ReadOnlySql.require("  SELECT 1 ;\n"));
    }

    @Test
    void theReasonSaysWhatWasFound() {
        assertEquals("the query is refused: it contains DELETE, which can change data, the schema or the session; "
                + "only reading queries are allowed (quote an identifier spelled like a keyword)",
                ReadOnlySql.problem("WITH x AS (DELETE FROM t) SELECT 1").orElseThrow());
        assertEquals("the query is refused: it holds more than one statement",
                ReadOnlySql.problem("SELECT 1; SELECT 2").orElseThrow());
        assertEquals("the query is refused: comments are not allowed",
                ReadOnlySql.problem("SELECT 1 --").orElseThrow());
        assertEquals("the query must be a single SELECT, WITH or EXPLAIN statement",
                ReadOnlySql.problem("SHOW TABLES").orElseThrow());
        assertEquals("the query is refused: it uses nextval, which has side effects",
                ReadOnlySql.problem("SELECT NEXTVAL('s')").orElseThrow());
    }
}
