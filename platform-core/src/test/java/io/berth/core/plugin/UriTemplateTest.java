package io.berth.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class UriTemplateTest {

    @Test
    void matchesAndExtractsVariables() {
        UriTemplate t = new UriTemplate("test://template/{id}/data");
        assertEquals(List.of("id"), t.variables());
        assertEquals(Optional.of(Map.of("id", "123")), t.match("test://template/123/data"));
        assertEquals(Optional.of(Map.of("folder", "a", "id", "b.txt")),
                new UriTemplate("notes://{folder}/{id}").match("notes://a/b.txt"));
    }

    @Test
    void aVariableNeverSpansSegmentsQueriesOrFragments() {
        UriTemplate t = new UriTemplate("test://template/{id}/data");
        assertTrue(t.match("test://template/1/2/data").isEmpty());
        assertTrue(t.match("test://template//data").isEmpty());
        assertTrue(t.match("test://template/1?x/data").isEmpty());
        assertTrue(t.match("test://template/123/data/extra").isEmpty());
    }

    @Test
    void literalPartsAreNotRegexes() {
        assertTrue(new UriTemplate("a.b://{x}").match("aXb://1").isEmpty());
    }

    @Test
    void unsupportedExpressionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new UriTemplate("x://{+path}"));
        assertThrows(IllegalArgumentException.class, () -> new UriTemplate("x://{a,b}"));
        assertThrows(IllegalArgumentException.class, () -> new UriTemplate("x://{open"));
    }
}
