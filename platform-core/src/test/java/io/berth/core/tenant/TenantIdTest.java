package io.berth.core.tenant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a1b", "acme-corp", "a-b-c", "tenant42"})
    void acceptsLowerCaseSlugs(String id) {
        assertTrue(TenantId.isValid(id), id);
    }

    @Test
    void acceptsThreeToFortyCharacters() {
        assertFalse(TenantId.isValid("ab"));
        assertTrue(TenantId.isValid("ab9"));
        assertTrue(TenantId.isValid("a" + "b".repeat(38) + "9"));
        assertFalse(TenantId.isValid("a" + "b".repeat(39) + "9"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "Acme", "acME",        // upper case
            "1abc", "-abc",        // must start with a letter
            "abc-",                // trailing hyphen
            "a--b", "acme--corp",  // double hyphen
            "acmé", "аcme",        // non-ASCII letters (the second starts with a Cyrillic a)
            "../x", "a/b", "a.b", "a_b", "a b",
            "abc\n"                // a trailing line break must not slip past "$"
    })
    void rejectsAnythingElse(String id) {
        assertFalse(TenantId.isValid(id), String.valueOf(id));
    }
}
