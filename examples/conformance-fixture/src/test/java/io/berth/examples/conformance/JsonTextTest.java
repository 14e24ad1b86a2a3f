package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected texts are what Node 20's {@code JSON.stringify} writes for the same values. */
class JsonTextTest {

    @Test
    void writesScalars() {
        assertEquals("null", JsonText.stringify(null));
        assertEquals("true", JsonText.stringify(true));
        assertEquals("false", JsonText.stringify(false));
        assertEquals("\"\"", JsonText.stringify(""));
        assertEquals("42", JsonText.stringify(42L));
        assertEquals("-7", JsonText.stringify(-7));
        assertEquals("123456789012345678901234567890", JsonText.stringify(new BigInteger("123456789012345678901234567890")));
    }

    @Test
    void escapesStringsAsJavaScriptDoes() {
        String s = "q\"b\\s/\b\f\n\r\t\u0001\u001f\u007f\u2028\u00e9\ud83d\ude00\ud800x\udc00";
        assertEquals("\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\u007f\u2028\u00e9\ud83d\ude00\\ud800x\\udc00\"",
                JsonText.stringify(s));
    }

    @Test
    void writesNumbersAsJavaScriptDoes() {
        Map<Double, String> cases = new LinkedHashMap<>();
        cases.put(95.5, "95.5");
        cases.put(88.0, "88");
        cases.put(0.1, "0.1");
        cases.put(0.1 + 0.2, "0.30000000000000004");
        cases.put(1.0 / 3, "0.3333333333333333");
        cases.put(-1.5, "-1.5");
        cases.put(100.0, "100");
        cases.put(1e20, "100000000000000000000");
        cases.put(1e21, "1e+21");
        cases.put(1.5e21, "1.5e+21");
        cases.put(123456789012345680000.0, "123456789012345680000");
        cases.put(1e-6, "0.000001");
        cases.put(1e-7, "1e-7");
        cases.put(1.23e-7, "1.23e-7");
        cases.put(0.000001234, "0.000001234");
        cases.put(Double.MIN_VALUE, "5e-324");
        cases.put(Double.MAX_VALUE, "1.7976931348623157e+308");
        cases.put(9007199254740992.0, "9007199254740992");
        cases.put(1e23, "1e+23");
        cases.put(2e-3, "0.002");
        cases.put(4.35, "4.35");
        cases.put(-0.0, "0");
        cases.forEach((d, text) -> assertEquals(text, JsonText.stringify(d), "double " + d));
    }

    @Test
    void writesOtherNumbersThroughTheirDoubleValue() {
        assertEquals("88", JsonText.stringify(new BigDecimal("88.0")));
        assertEquals("95.5", JsonText.stringify(new BigDecimal("95.50")));
        assertEquals("1e-7", JsonText.stringify(new BigDecimal("0.0000001")));
        assertEquals("1.5", JsonText.stringify(1.5f));
    }

    @Test
    void writesNaNAndInfinityAsNull() {
        assertEquals("[null,null,null]",
                JsonText.stringify(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
    }

    @Test
    void keepsKeyOrderAndNests() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", List.of());
        inner.put("a", Map.of());
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("b", Arrays.asList(1L, null, "x", inner));
        outer.put("a", null);
        assertEquals("{\"b\":[1,null,\"x\",{\"z\":[],\"a\":{}}],\"a\":null}", JsonText.stringify(outer));
    }

    @Test
    void rejectsWhatIsNotJson() {
        assertThrows(IllegalArgumentException.class, () -> JsonText.stringify(List.of(new Object())));
    }
}
