package io.berth.core.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.core.json.JsonFactories;

import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PagesTest {

    private static final List<String> ITEMS = IntStream.range(0, 250).mapToObj(i -> String.format("tool-%03d", i))
            .toList();

    private static JsonObject cursor(String c) {
        return c == null ? JsonObject.EMPTY_JSON_OBJECT
                : JsonFactories.BUILDERS.createObjectBuilder().add("cursor", c).build();
    }

    @Test
    void walksEveryItemOnceInOrder() {
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Pages.Page<String> page = Pages.of(ITEMS, Function.identity(), cursor(next));
            seen.addAll(page.items());
            next = page.nextCursor();
            pages++;
        } while (next != null);
        assertEquals(ITEMS, seen);
        assertEquals(3, pages);
    }

    @Test
    void aShortListIsOnePageWithoutCursor() {
        Pages.Page<String> page = Pages.of(ITEMS.subList(0, 5), Function.identity(), cursor(null));
        assertEquals(5, page.items().size());
        assertNull(page.nextCursor());
    }

    @Test
    void aPageStaysRightWhenAnEarlierItemIsRemoved() {
        String next = Pages.of(ITEMS, Function.identity(), cursor(null)).nextCursor();
        List<String> fewer = new ArrayList<>(ITEMS);
        fewer.remove("tool-010");
        assertEquals("tool-100", Pages.of(fewer, Function.identity(), cursor(next)).items().get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64 !", "dG9vbC0wMDE", "YWZ0ZXI"})
    void aCursorThisServerDidNotHandOutIsInvalidParams(String bad) {
        JsonRpcException e = assertThrows(JsonRpcException.class,
                () -> Pages.of(ITEMS, Function.identity(), cursor(bad)));
        assertEquals(JsonRpcError.INVALID_PARAMS, e.error().code());
    }

    @Test
    void aNonStringCursorIsInvalidParams() {
        JsonObject params = JsonFactories.BUILDERS.createObjectBuilder().add("cursor", 7).build();
        assertThrows(JsonRpcException.class, () -> Pages.of(ITEMS, Function.identity(), params));
    }
}
