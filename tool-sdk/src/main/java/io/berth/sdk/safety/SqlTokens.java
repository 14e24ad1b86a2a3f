package io.berth.sdk.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a SQL text outside string literals and quoted identifiers, in upper case, found by one left-to-right
 * scan that refuses whatever it cannot read the same way every database does (see {@link ReadOnlySql}).
 *
 * @param startsPlainly whether only white space and opening parentheses come before the first word
 */
record SqlTokens(List<String> words, boolean startsPlainly) {

    /** Thrown when the text has something the guard refuses to read: comments, ambiguous literals, more statements. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    static SqlTokens scan(String sql) throws Refused {
        List<String> words = new ArrayList<>();
        boolean plain = true;
        boolean ended = false;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (ended) {
                throw new Refused("it holds more than one statement");
            }
            if (words.isEmpty() && c != '(' && !Character.isLetter(c) && c != '_') {
                plain = false;
            }
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '/' && i + 1 < n && sql.charAt(i + 1) == '*'
                    || c == '#') {
                throw new Refused("comments are not allowed");
            }
            if (c == '\'') {
                i = literal(sql, i);
            } else if (c == '"' || c == '`') {
                i = quoted(sql, i, c);
            } else if (c == '$') {
                i = parameter(sql, i);
            } else if (c == ';') {
                ended = true;
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.isSurrogate(c)) {
                throw new Refused("it contains control, invisible or supplementary characters outside literals");
            } else {
                i++;
            }
        }
        return new SqlTokens(List.copyOf(words), plain);
    }

    /** A {@code '...'} literal, {@code ''} standing for a quote; returns the index after it. */
    private static int literal(String sql, int start) throws Refused {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\') {
                throw new Refused("backslashes in string literals are not allowed (databases disagree on their "
                        + "meaning)");
            }
            if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new Refused("a string literal is not terminated");
    }

    /**
     * A {@code "..."} or {@code `...`} identifier, the quote doubled inside it; returns the index after it. MySQL reads
     * {@code "..."} as a string in which a backslash escapes, so backslashes are refused here too.
     */
    private static int quoted(String sql, int start, char quote) throws Refused {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == '\\') {
                throw new Refused("backslashes in quoted identifiers are not allowed (MySQL reads \"...\" as a "
                        + "string in which they escape)");
            }
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new Refused("a quoted identifier is not terminated");
    }

    /** {@code $1}, a positional parameter; anything else after {@code $} is dollar quoting, which is refused. */
    private static int parameter(String sql, int start) throws Refused {
        int i = start + 1;
        while (i < sql.length() && sql.charAt(i) >= '0' && sql.charAt(i) <= '9') {
            i++;
        }
        if (i == start + 1) {
            throw new Refused("dollar-quoted strings are not allowed");
        }
        return i;
    }
}
