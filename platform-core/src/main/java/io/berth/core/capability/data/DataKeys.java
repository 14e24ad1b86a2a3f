package io.berth.core.capability.data;

import io.berth.sdk.ToolException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The rules for keys, prefixes, cursors and values. Keys are a small ASCII alphabet so that they sort the same way
 * everywhere, need no escaping in logs, and cannot smuggle LIKE wildcards other than {@code _} (escaped).
 */
final class DataKeys {

    static final int MAX_KEY_LENGTH = 256;
    static final int MAX_PAGE = 100;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._\\-:/@+=~]{1,256}");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._\\-:/@+=~]{0,256}");

    private DataKeys() {
    }

    static String key(String key) throws ToolException {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ToolException("Invalid data key: use 1 to " + MAX_KEY_LENGTH
                    + " characters out of A-Z a-z 0-9 . _ - : / @ + = ~");
        }
        return key;
    }

    /** A LIKE pattern matching keys that start with {@code prefix} ({@code !} escapes). */
    static String likePrefix(String prefix) throws ToolException {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new ToolException("Invalid key prefix: use up to " + MAX_KEY_LENGTH
                    + " characters out of A-Z a-z 0-9 . _ - : / @ + = ~");
        }
        return prefix.replace("_", "!_") + "%";
    }

    static int limit(int limit) throws ToolException {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ToolException("Invalid list limit: use 1 to " + MAX_PAGE);
        }
        return limit;
    }

    static String cursor(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.US_ASCII));
    }

    /** The key a cursor continues after ({@code ""} for none). */
    static String after(String cursor) throws ToolException {
        if (cursor == null) {
            return "";
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (KEY.matcher(key).matches() && cursor(key).equals(cursor)) {
                return key;
            }
        } catch (IllegalArgumentException notBase64) {
            // refused below
        }
        throw new ToolException("Invalid list cursor: pass the nextCursor of the previous page");
    }

    /** Text a database stores faithfully: no NUL (PostgreSQL refuses it) and no unpaired surrogate. */
    static String value(String value) throws ToolException {
        if (value == null) {
            throw new ToolException("A data value must not be null; delete the key instead");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                throw new ToolException("A data value must not contain NUL characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ToolException("A data value must be valid Unicode text (unpaired surrogate)");
            }
        }
        return value;
    }

    static long utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
