package io.berth.sdk.safety;

import io.berth.sdk.ToolException;

import java.util.Optional;
import java.util.Set;

/**
 * A guard for SQL a model writes, to run as a read-only query. It is <em>not</em> a SQL parser and cannot see what
 * functions or views do: run the query as a database role that can only read, in a read-only transaction, with a
 * statement time-out. What it accepts is one statement that
 * <ul>
 * <li>starts with {@code SELECT}, {@code WITH} or {@code EXPLAIN} (optionally after opening parentheses), and may end
 * with one {@code ;};</li>
 * <li>contains no word, outside string literals and quoted identifiers, that writes, changes the schema, the session
 * or the transaction, or runs other code ({@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE}, {@code INTO},
 * {@code CREATE}, {@code DROP}, {@code GRANT}, {@code COPY}, {@code CALL}, {@code SET}, {@code ANALYZE}, {@code LOCK},
 * … see {@code WRITES}), nor a call of a well-known function with side effects ({@code nextval},
 * {@code set_config}, {@code pg_read_file}, {@code dblink}, {@code load_file}, {@code sleep}, …);</li>
 * <li>has no comments at all ({@code --}, {@code /*}, {@code #}): they can hide words from a guard, and MySQL runs
 * the content of {@code /*! ... *}{@code /};</li>
 * <li>has no backslash in a string literal or quoted identifier and no dollar quoting: databases disagree on where
 * such literals end, and a guard that reads them differently from the database can be fooled;</li>
 * <li>has no control or invisible characters, and no unterminated literal or identifier.</li>
 * </ul>
 * Words are compared without regard to case, so a column named like a keyword ({@code "update"}) must be quoted, and
 * a few legitimate queries are refused ({@code FOR SHARE}, MySQL's {@code CHARACTER SET} casts): the guard errs on the
 * side of refusing.
 */
public final class ReadOnlySql {

    private static final Set<String> STARTS = Set.of("SELECT", "WITH", "EXPLAIN");
    private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "REPLACE",
            "INTO", "CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "COMMENT", "GRANT", "REVOKE", "COPY", "CALL",
            "DO", "EXEC", "EXECUTE", "PREPARE", "DEALLOCATE", "LOCK", "UNLOCK", "SHARE", "VACUUM", "ANALYZE",
            "REINDEX", "CLUSTER", "REFRESH", "CHECKPOINT", "SET", "RESET", "DISCARD", "BEGIN", "START", "COMMIT",
            "ROLLBACK", "SAVEPOINT", "RELEASE", "LISTEN", "NOTIFY", "UNLISTEN", "LOAD", "IMPORT", "ATTACH",
            "DETACH", "PRAGMA", "HANDLER", "OUTFILE", "DUMPFILE", "SHUTDOWN", "KILL", "SECURITY");
    private static final Set<String> SIDE_EFFECTS = Set.of("NEXTVAL", "SETVAL", "SET_CONFIG", "PG_SLEEP",
            "PG_SLEEP_FOR", "PG_SLEEP_UNTIL", "PG_READ_FILE", "PG_READ_BINARY_FILE", "PG_LS_DIR", "PG_STAT_FILE",
            "LO_IMPORT", "LO_EXPORT", "LO_FROM_BYTEA", "LO_PUT", "LO_CREATE", "LO_UNLINK", "DBLINK", "DBLINK_EXEC",
            "DBLINK_CONNECT", "PG_NOTIFY", "PG_TERMINATE_BACKEND", "PG_CANCEL_BACKEND", "PG_RELOAD_CONF",
            "PG_ADVISORY_LOCK", "PG_ADVISORY_XACT_LOCK", "QUERY_TO_XML", "QUERY_TO_XMLSCHEMA",
            "QUERY_TO_XML_AND_XMLSCHEMA", "CURSOR_TO_XML", "LOAD_FILE", "SLEEP", "BENCHMARK", "GET_LOCK",
            "XP_CMDSHELL", "OPENROWSET", "OPENQUERY", "OPENDATASOURCE", "SYS_EXEC", "SYS_EVAL");

    private ReadOnlySql() {
    }

    /** The statement, trimmed and without its final {@code ;}, if it passes; a {@link ToolException} if not. */
    public static String require(String sql) throws ToolException {
        Optional<String> problem = problem(sql);
        if (problem.isPresent()) {
            throw new ToolException(problem.get());
        }
        String trimmed = sql.strip();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
    }

    /** Why {@code sql} is not accepted as a read-only query, if it is not. */
    public static Optional<String> problem(String sql) {
        if (sql == null || sql.isBlank()) {
            return Optional.of("the query is empty");
        }
        SqlTokens tokens;
        try {
            tokens = SqlTokens.scan(sql);
        } catch (SqlTokens.Refused e) {
            return Optional.of("the query is refused: " + e.getMessage());
        }
        if (tokens.words().isEmpty() || !STARTS.contains(tokens.words().get(0)) || !tokens.startsPlainly()) {
            return Optional.of("the query must be a single SELECT, WITH or EXPLAIN statement");
        }
        for (String word : tokens.words()) {
            if (WRITES.contains(word)) {
                return Optional.of("the query is refused: it contains " + word + ", which can change data, the "
                        + "schema or the session; only reading queries are allowed (quote an identifier spelled like "
                        + "a keyword)");
            }
            if (SIDE_EFFECTS.contains(word)) {
                return Optional.of("the query is refused: it uses " + word.toLowerCase(java.util.Locale.ROOT)
                        + ", which has side effects");
            }
        }
        return Optional.empty();
    }
}
