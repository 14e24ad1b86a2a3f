package io.berth.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The scopes a tool needs and its approval hint. */
class ToolScopesTest {

    private static Tool.Builder tool() {
        return Tool.builder("t").description("d").handler((call, context) -> ToolResult.text("ok"));
    }

    @Test
    void noScopesAndNoApprovalByDefault() {
        Tool tool = tool().build();
        assertEquals(Set.of(), tool.scopes());
        assertFalse(tool.requiresApproval());
    }

    @Test
    void scopesKeepTheirDeclaredOrderOnceEachAndAreFrozen() {
        Tool tool = tool().scopes("crm.write", "crm.read", "crm.write").requiresApproval(true).build();
        assertEquals(List.of("crm.write", "crm.read"), List.copyOf(tool.scopes()));
        assertTrue(tool.requiresApproval());
        assertThrows(UnsupportedOperationException.class, () -> tool.scopes().add("admin"));
    }

    @Test
    void theRecordCopiesTheCallersSet() {
        Set<String> scopes = new LinkedHashSet<>(List.of("a"));
        Tool tool = new Tool("t", null, "d", null, null, null, null, (c, x) -> null, scopes, false);
        scopes.add("b");
        assertEquals(Set.of("a"), tool.scopes());
    }

    @Test
    void aScopeIsAnOauthScopeToken() {
        for (String bad : new String[] {"", "two words", "quo\"te", "back\\slash", "tab\t", "é", null}) {
            assertThrows(IllegalArgumentException.class, () -> tool().scopes(bad), () -> "accepted " + bad);
        }
        assertEquals(Set.of("https://api.example.com/read!#$%&'()*+,-./:;<=>?@[]^_`{|}~"),
                tool().scopes("https://api.example.com/read!#$%&'()*+,-./:;<=>?@[]^_`{|}~").build().scopes());
    }
}
