package io.berth.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlainJsonTest {

    @Test
    void convertsEveryJsonTypeBothWays() {
        JsonObject json = parse("{\"s\":\"x\",\"i\":42,\"big\":123456789012345678901234567890,\"d\":1.5,"
                + "\"t\":true,\"f\":false,\"n\":null,\"a\":[1,\"two\",{\"k\":[]}]}");
        Map<String, Object> java = PlainJson.toJava(json);
        assertEquals("x", java.get("s"));
        assertEquals(42L, java.get("i"));
        assertEquals(new BigDecimal("123456789012345678901234567890"), java.get("big"));
        assertEquals(new BigDecimal("1.5"), java.get("d"));
        assertEquals(Boolean.TRUE, java.get("t"));
        assertEquals(null, java.get("n"));
        assertEquals(List.of(1L, "two", Map.of("k", new ArrayList<>())), java.get("a"));
        assertEquals(List.of("s", "i", "big", "d", "t", "f", "n", "a"), new ArrayList<>(java.keySet()),
                "member order is kept");
        assertEquals(json, PlainJson.toJsonObject(java));
    }

    @Test
    void refusesValuesThatAreNotJson() {
        assertThrows(IllegalArgumentException.class, () -> PlainJson.toJson(new Object()));
        assertThrows(IllegalArgumentException.class, () -> PlainJson.toJson(Map.of("k", List.of(new Object()))));
    }

    private static JsonObject parse(String json) {
        try (var r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }
}
