package io.berth.worker.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

class JsonWriterTest {

    @Test
    void writesCompactJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "x");
        m.put("n", null);
        m.put("l", Arrays.asList(1, 2L, (short) 3, (byte) 4, 1.5, 2.5f, new BigDecimal("1E+3"), BigInteger.TEN, true));
        assertEquals("{\"s\":\"x\",\"n\":null,\"l\":[1,2,3,4,1.5,2.5,1E+3,10,true]}", JsonWriter.write(m));
    }

    @Test
    void escapesEveryControlCharacterSoAMessageIsOneLine() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        all.append("\"\\\u2028\u007f");
        String json = JsonWriter.write(all.toString());
        for (int i = 0; i < json.length(); i++) {
            assertFalse(json.charAt(i) < 0x20, "raw control character at " + i);
        }
        assertEquals(all.toString(), JsonReader.parse(json));
    }

    @Test
    void replacesUnpairedSurrogates() {
        assertEquals("\"a\uFFFDb\uFFFD\ud83d\ude00\"", JsonWriter.write("a\ud800b\udc00\ud83d\ude00"));
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThrows(JsonException.class, () -> JsonWriter.write(Double.NaN));
        assertThrows(JsonException.class, () -> JsonWriter.write(Float.POSITIVE_INFINITY));
        assertThrows(JsonException.class, () -> JsonWriter.write(new Object()));
        assertThrows(JsonException.class, () -> JsonWriter.write(List.of('c')));
        Map<String, Object> loop = new HashMap<>();
        loop.put("self", loop);
        assertThrows(JsonException.class, () -> JsonWriter.write(loop));
    }

    @Test
    void roundTripsRandomValues() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            Object v = randomValue(random, 0);
            assertEquals(v, JsonReader.parse(JsonWriter.write(v)));
        }
    }

    private static Object randomValue(Random r, int depth) {
        int kind = r.nextInt(depth > 4 ? 5 : 7);
        switch (kind) {
            case 0:
                return null;
            case 1:
                return r.nextBoolean();
            case 2:
                return r.nextLong();
            case 3:
                return BigDecimal.valueOf(r.nextInt(), r.nextInt(10) + 1);
            case 4:
                StringBuilder s = new StringBuilder();
                for (int j = r.nextInt(8); j > 0; j--) {
                    s.append((char) r.nextInt(0xD800));
                }
                return s.toString();
            case 5:
                List<Object> l = new ArrayList<>();
                for (int j = r.nextInt(4); j > 0; j--) {
                    l.add(randomValue(r, depth + 1));
                }
                return l;
            default:
                Map<String, Object> m = new LinkedHashMap<>();
                for (int j = r.nextInt(4); j > 0; j--) {
                    m.put("k" + r.nextInt(100), randomValue(r, depth + 1));
                }
                return m;
        }
    }
}
