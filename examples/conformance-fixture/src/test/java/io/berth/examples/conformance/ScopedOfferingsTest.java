package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The scoped resource, template and prompt declare {@value ScopedOfferings#SCOPE}; the touch tool needs nothing. */
class ScopedOfferingsTest {

    @Test
    void declaresTheScope() {
        ConformanceFixturePlugin plugin = new ConformanceFixturePlugin();
        assertEquals(Set.of("notes.read"), plugin.resources().stream()
                .filter(r -> r.uri().equals(ScopedOfferings.NOTES)).findFirst().orElseThrow().scopes());
        assertEquals(Set.of("notes.read"), plugin.resourceTemplates().stream()
                .filter(t -> t.uriTemplate().equals(ScopedOfferings.NOTE_TEMPLATE)).findFirst().orElseThrow().scopes());
        assertEquals(Set.of("notes.read"), plugin.prompts().stream()
                .filter(p -> p.name().equals(ScopedOfferings.PROMPT)).findFirst().orElseThrow().scopes());
        assertEquals(Set.of(), Fixture.tool(ScopedOfferings.TOUCH).scopes());
    }
}
