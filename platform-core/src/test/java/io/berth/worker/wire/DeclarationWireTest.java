package io.berth.worker.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.sdk.Completer;
import io.berth.sdk.Prompt;
import io.berth.sdk.PromptArgument;
import io.berth.sdk.PromptResult;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolResult;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scopes every kind of offering declares cross the worker's JSON codec in both directions, in order, and come
 * back through the SDK's own validation; resources, templates and prompts without scopes send no member, and an
 * absent member decodes as none (append-only wire evolution).
 */
class DeclarationWireTest {

    private static final Resource.Reader READ = (uri, context) -> List.of();
    private static final ResourceTemplate.Reader READ_FAMILY = (uri, variables, context) -> List.of();
    private static final Prompt.Handler GET = (arguments, context) -> new PromptResult(null, List.of());
    private static final Completer NONE = (argument, prefix, context) -> List.of();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> viaText(Map<String, Object> m) {
        return (Map<String, Object>) JsonReader.parse(JsonWriter.write(m));
    }

    @Test
    void scopesOfEveryKindRoundTrip() {
        Tool tool = Tool.builder("t").description("d").handler((c, x) -> ToolResult.text("x"))
                .scopes("crm.write", "crm.read").build();
        Resource resource = Resource.builder("notes://all", "all").title("All").mimeType("text/plain").reader(READ)
                .scopes("notes.read", "crm").build();
        ResourceTemplate template = ResourceTemplate.builder("notes://{id}", "note").description("One note")
                .reader(READ_FAMILY).completer(NONE).scopes("notes:read").build();
        Prompt prompt = Prompt.builder("summarise").arguments(new PromptArgument("id", "which", true)).handler(GET)
                .scopes("notes.read", "mail.send").build();

        assertEquals(List.of("crm.write", "crm.read"), List.copyOf(DeclarationWire.tool(
                viaText(DeclarationWire.tool(tool)), tool.handler()).scopes()));
        Resource r = DeclarationWire.resource(viaText(DeclarationWire.resource(resource)), READ);
        assertEquals(resource, r);
        assertEquals(List.of("notes.read", "crm"), List.copyOf(r.scopes()));
        ResourceTemplate t = DeclarationWire.template(viaText(DeclarationWire.template(template)), READ_FAMILY, NONE);
        assertEquals(template, t);
        Prompt p = DeclarationWire.prompt(viaText(DeclarationWire.prompt(prompt)), GET, null);
        assertEquals(List.of("notes.read", "mail.send"), List.copyOf(p.scopes()));
        assertEquals(prompt.arguments(), p.arguments());
    }

    @Test
    void noScopesNoMemberAndAbsentMeansNone() {
        Resource open = new Resource("a://b", "b", null, null, null, READ);
        Map<String, Object> wire = DeclarationWire.resource(open);
        assertFalse(wire.containsKey("scopes"));
        assertEquals(Set.of(), DeclarationWire.resource(viaText(wire), READ).scopes());
        assertFalse(DeclarationWire.prompt(new Prompt("p", null, null, null, GET, null)).containsKey("scopes"));
        assertEquals(Set.of(), DeclarationWire.template(Map.of("uriTemplate", "a://{b}", "name", "b",
                "completer", false), READ_FAMILY, null).scopes());
    }

    @Test
    void whatTheSdkRefusesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DeclarationWire.resource(Map.of("uri", "a://b",
                "name", "b", "scopes", List.of("two words")), READ));
        assertThrows(IllegalArgumentException.class, () -> DeclarationWire.prompt(Map.of("name", "p",
                "completer", false, "scopes", List.of(7L)), GET, null));
    }
}
