package io.berth.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Resources, resource templates and prompts declare scopes as tools do: same validation, order, default. */
class OfferingScopesTest {

    private static final Resource.Reader READ = (uri, context) -> List.of(ResourceContents.text(uri, null, "x"));
    private static final ResourceTemplate.Reader READ_FAMILY = (uri, variables, context) -> List.of();
    private static final Prompt.Handler GET = (arguments, context) -> new PromptResult(null, List.of());

    @Test
    void buildersDeclareScopesInOrderOnceEachFrozen() {
        Resource r = Resource.builder("notes://all", "all").title("All").mimeType("text/plain").reader(READ)
                .scopes("notes.read", "crm", "notes.read").build();
        ResourceTemplate t = ResourceTemplate.builder("notes://{id}", "note").reader(READ_FAMILY)
                .scopes("notes.read").build();
        Prompt p = Prompt.builder("summarise").arguments(new PromptArgument("id", null, true)).handler(GET)
                .scopes("notes.read", "mail:send").build();
        assertEquals(List.of("notes.read", "crm"), List.copyOf(r.scopes()));
        assertEquals("All", r.title());
        assertEquals("text/plain", r.mimeType());
        assertEquals(Set.of("notes.read"), t.scopes());
        assertNull(t.completer());
        assertEquals(List.of("notes.read", "mail:send"), List.copyOf(p.scopes()));
        assertEquals(1, p.arguments().size());
        assertThrows(UnsupportedOperationException.class, () -> r.scopes().add("admin"));
    }

    @Test
    void theConstructorsWithoutScopesStillWorkAndDeclareNone() {
        assertEquals(Set.of(), new Resource("a://b", "b", null, null, null, READ).scopes());
        assertEquals(Set.of(), new ResourceTemplate("a://{b}", "b", null, null, null, READ_FAMILY, null).scopes());
        assertEquals(Set.of(), new Prompt("p", null, null, null, GET, null).scopes());
        assertEquals(Set.of(), new Resource("a://b", "b", null, null, null, READ, null).scopes());
    }

    @Test
    void aScopeIsAnOauthScopeTokenEverywhere() {
        for (String bad : new String[] {"", "two words", "quo\"te", null}) {
            assertThrows(IllegalArgumentException.class, () -> Resource.builder("a://b", "b").scopes(bad));
            assertThrows(IllegalArgumentException.class, () -> ResourceTemplate.builder("a://{b}", "b").scopes(bad));
            assertThrows(IllegalArgumentException.class, () -> Prompt.builder("p").scopes(bad));
            assertThrows(IllegalArgumentException.class,
                    () -> new Resource("a://b", "b", null, null, null, READ, Set.of(bad == null ? "" : bad)));
        }
    }

    @Test
    void requiredPartsAreStillRequired() {
        assertThrows(NullPointerException.class, () -> Resource.builder("a://b", "b").build());
        assertThrows(NullPointerException.class, () -> ResourceTemplate.builder("a://{b}", "b").build());
        assertThrows(NullPointerException.class, () -> Prompt.builder("p").build());
    }

    @Test
    void everyKindIsAnOffering() {
        Offering[] all = {Tool.builder("t").description("d").handler((c, x) -> null).scopes("a").build(),
                Resource.builder("a://b", "b").reader(READ).scopes("a").build(),
                ResourceTemplate.builder("a://{b}", "b").reader(READ_FAMILY).scopes("a").build(),
                Prompt.builder("p").handler(GET).scopes("a").build()};
        for (Offering o : all) {
            assertEquals(Set.of("a"), o.scopes());
        }
    }
}
