package io.berth.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

class ScopesTest {

    @Test
    void aScopeGrantsItselfAndWhatIsBelowItByDotOrColon() {
        Set<String> granted = Set.of("crm", "files.read");
        assertTrue(Scopes.allows(granted, List.of("crm", "crm.read", "crm:write", "crm.contacts.read", "files.read")));
        assertTrue(Scopes.allows(granted, List.of()));
        assertFalse(Scopes.grants(granted, "crmx"));
        assertFalse(Scopes.grants(granted, "files"));
        assertFalse(Scopes.grants(granted, "files.write"));
        assertFalse(Scopes.grants(granted, "files.readx"));
        assertTrue(Scopes.grants(granted, "files.read.own"));
        assertFalse(Scopes.grants(Set.of("crm.read"), "crm"));
    }

    @Test
    void thereIsNoWildcard() {
        assertFalse(Scopes.grants(Set.of("*"), "crm"));
        assertFalse(Scopes.grants(Set.of(""), ".crm"));
    }

    @Test
    void missingListsWhatIsNotGrantedInOrder() {
        assertEquals(List.of("b.write", "c"), List.copyOf(Scopes.missing(Set.of("a", "b.read"),
                List.of("a.x", "b.write", "c", "b.read"))));
    }

    @Test
    void parsingFollowsRfc6749() {
        assertEquals(List.of("a", "b:c", "d.e"), List.copyOf(Scopes.parse(" a  b:c d.e a ")));
        assertEquals(Set.of(), Scopes.parse(null));
        assertEquals(Set.of(), Scopes.parse("  "));
        assertThrows(IllegalArgumentException.class, () -> Scopes.parse("a \"b\""));
        assertThrows(IllegalArgumentException.class, () -> Scopes.parse("a\\b"));
        assertThrows(IllegalArgumentException.class, () -> Scopes.parse("é"));
        assertThrows(IllegalArgumentException.class, () -> Scopes.parse("a\tb"));
        assertEquals("a b", Scopes.format(List.of("a", "b")));
    }
}
