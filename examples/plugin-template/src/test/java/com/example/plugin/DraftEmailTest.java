package com.example.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.Content;
import io.berth.sdk.ToolResult;
import io.berth.sdk.testing.ToolTester;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The tool, called through the SDK's harness as Berth calls it: arguments as JSON, bound and validated. */
class DraftEmailTest {

    private final ToolTester tester = ToolTester.forPlugin(new TemplatePlugin());

    private static String text(ToolResult result) {
        return ((Content.Text) result.content().get(0)).text();
    }

    @Test
    void draftsAPlainTextEmail() throws Exception {
        ToolResult result = tester.call("draft_email", Map.of(
                "to", "ann@eu.example.com",
                "subject", "Lunch",
                "body", "<p>Shall we meet at <b>noon</b>?</p><script>steal()</script>",
                "tone", "FRIENDLY"));

        assertFalse(result.isError(), () -> text(result));
        assertEquals(Map.of("to", "ann@eu.example.com", "subject", "Lunch",
                "text", "Hi!\n\nShall we meet at noon?", "shortened", false), result.structuredContent());
    }

    @Test
    void invalidArgumentsAreListedForTheModel() throws Exception {
        ToolResult result = tester.call("draft_email", Map.of("to", "not an address", "subject", " ",
                "tone", "RUDE"));

        assertTrue(result.isError());
        List<String> problems = text(result).lines().filter(l -> l.startsWith("- ")).toList();
        assertEquals(List.of(
                "- arguments.body: missing; expected a string",
                "- arguments.tone: expected one of \"FORMAL\", \"FRIENDLY\", got \"RUDE\"",
                "- arguments.to: must be a well-formed e-mail address",
                "- arguments.subject: must not be blank"), problems);
    }

    @Test
    void recipientsOutsideTheAllowedDomainsAreRefused() throws Exception {
        ToolResult result = tester.call("draft_email", Map.of("to", "eve@example.com.evil.org", "subject", "Hi",
                "body", "Hello"));

        assertTrue(result.isError());
        assertTrue(text(result).contains("is not in an allowed domain"), () -> text(result));
    }

    @Test
    void theDeclarationCarriesSchemasAndScopes() {
        var tool = tester.tool("draft_email");
        assertEquals(List.of("to", "subject", "body"), tool.inputSchema().get("required"));
        assertEquals(List.of("mail.draft"), List.copyOf(tool.scopes()));
        assertEquals("object", tool.outputSchema().get("type"));
    }
}
