package io.berth.core.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A key's use is written on its first use on a node, then at most once per interval (times given, never read). */
class LastUseTest {

    private static final long MINUTE = 60_000;

    @Test
    void firstUseThenOncePerInterval() {
        LastUse uses = new LastUse();
        assertTrue(uses.due("k", 1_000, MINUTE));
        assertFalse(uses.due("k", 1_000 + MINUTE - 1, MINUTE));
        assertTrue(uses.due("k", 1_000 + MINUTE, MINUTE));
        assertTrue(uses.due("other", 1_500, MINUTE), "each key counts on its own");
    }

    @Test
    void manyKeysForgetTheirOldEntriesInsteadOfGrowingWithoutBound() {
        LastUse uses = new LastUse();
        for (int i = 0; i <= 100_000; i++) {
            uses.due("k" + i, 0, MINUTE);
        }
        uses.due("late", MINUTE, MINUTE);
        assertEquals(1, uses.tracked());
    }
}
