package io.berth.core.mcp;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset pagination of MCP lists: a page holds up to {@link #SIZE} items in their stable order, and {@code nextCursor}
 * names the last key, so a page stays right when items are added or removed between requests. Cursors are opaque to
 * clients; one this server did not hand out is -32602.
 */
final class Pages {

    static final int SIZE = 100;
    private static final String PREFIX = "after:";

    /** One page: its items and the cursor of the next page, or null for the last. */
    record Page<T>(List<T> items, String nextCursor) {

        /** Adds {@code nextCursor} to a list result when there is a next page. */
        JsonObjectBuilder cursorInto(JsonObjectBuilder result) {
            return nextCursor == null ? result : result.add("nextCursor", nextCursor);
        }
    }

    private Pages() {
    }

    /** The page {@code params.cursor} asks for, of {@code sorted} (ascending by {@code key}). */
    static <T> Page<T> of(List<T> sorted, Function<T, String> key, JsonObject params) {
        String after = after(params.get("cursor"));
        int from = 0;
        if (after != null) {
            while (from < sorted.size() && key.apply(sorted.get(from)).compareTo(after) <= 0) {
                from++;
            }
        }
        int to = Math.min(sorted.size(), from + SIZE);
        String next = to < sorted.size() ? cursor(key.apply(sorted.get(to - 1))) : null;
        return new Page<>(sorted.subList(from, to), next);
    }

    private static String after(JsonValue cursor) {
        if (cursor == null || cursor == JsonValue.NULL) {
            return null;
        }
        if (cursor instanceof JsonString s) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(s.getString()), StandardCharsets.UTF_8);
                if (decoded.startsWith(PREFIX)) {
                    return decoded.substring(PREFIX.length());
                }
            } catch (IllegalArgumentException e) {
                // not base64url: not ours
            }
        }
        throw JsonRpcException.of(JsonRpcError.INVALID_PARAMS, "Invalid cursor");
    }

    private static String cursor(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastKey).getBytes(StandardCharsets.UTF_8));
    }
}
