package io.berth.worker.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

class JsonReaderTest {

    @Test
    void readsEveryKindOfValue() {
        Object v = JsonReader.parse(" {\"a\":[1,-2.5,\"x\",true,false,null,{}],\"b\":{\"c\":[]}} ");
        assertEquals(Map.of("a", java.util.Arrays.asList(1L, new BigDecimal("-2.5"), "x", true, false, null, Map.of()),
                "b", Map.of("c", List.of())), v);
    }

    @Test
    void keepsMemberOrder() {
        Map<?, ?> m = (Map<?, ?>) JsonReader.parse("{\"z\":1,\"a\":2,\"m\":3}");
        assertEquals(List.of("z", "a", "m"), List.copyOf(m.keySet()));
    }

    @Test
    void numbersAsTheHostConvertsThem() {
        assertEquals(Long.MAX_VALUE, JsonReader.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, JsonReader.parse("-9223372036854775808"));
        assertEquals(new BigDecimal("9223372036854775808"), JsonReader.parse("9223372036854775808"));
        assertEquals(new BigDecimal("1.0"), JsonReader.parse("1.0"));
        assertEquals(new BigDecimal("1E+2"), JsonReader.parse("1e2"));
        assertEquals(0L, JsonReader.parse("-0"));
        assertInstanceOf(BigDecimal.class, JsonReader.parse("0.5e-3"));
    }

    @Test
    void decodesEscapes() {
        assertEquals("\"\\/\b\f\n\r\t\u00e9\ud83d\ude00", JsonReader.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\""));
        assertEquals("\ud83d\ude00", JsonReader.parse("\"\ud83d\ude00\""));
        assertNull(JsonReader.parse("null"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "01", "-", "+1", ".5", "1.", "1e", "1e+", "0x10", "NaN", "Infinity", "tru",
            "nul", "\"abc", "\"a\tb\"", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"\\ud800\"", "\"\\udc00\"",
            "\"\\ud800\\u0041\"", "\"\ud800\"", "[1,]", "[,1]", "{\"a\":1,}", "{,}", "{\"a\"}", "{\"a\":}", "{a:1}",
            "{\"a\":1 \"b\":2}", "[1 2]", "{\"a\":1,\"a\":2}", "1 2", "[1]x", "{}}", "'a'", "[\u00a0]", "\u0000"})
    void refusesWhatRfc8259DoesNotAllow(String text) {
        assertThrows(JsonException.class, () -> JsonReader.parse(text));
    }

    @Test
    void limitsNesting() {
        String ok = "[".repeat(10) + "]".repeat(10);
        JsonReader.parse(ok, 10);
        assertThrows(JsonException.class, () -> JsonReader.parse("[".repeat(11) + "]".repeat(11), 10));
        assertThrows(JsonException.class, () -> JsonReader.parse("{\"a\":".repeat(200) + "1" + "}".repeat(200)));
    }

    @Test
    void survivesVeryDeepInputWithoutStackOverflow() {
        assertThrows(JsonException.class, () -> JsonReader.parse("[".repeat(1_000_000)));
    }
}
