package io.berth.core.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.Tool;
import io.berth.sdk.ToolResult;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** One rule decides who sees and calls a tool: the caller's scopes grant all of the tool's, by the hierarchy. */
class ToolAccessTest {

    private static Tool tool(String... scopes) {
        return Tool.builder("t").description("d").scopes(scopes).handler((call, context) -> ToolResult.text("x"))
                .build();
    }

    @Test
    void aToolWithoutScopesIsForEveryone() {
        assertTrue(ToolAccess.callable(tool(), Set.of()));
        assertTrue(ToolAccess.callable(tool(), Agent.ANONYMOUS.scopes()));
    }

    @Test
    void everyScopeOfTheToolMustBeGranted() {
        Tool t = tool("crm.read", "mail:send");
        assertTrue(ToolAccess.callable(t, Set.of("crm.read", "mail:send")));
        assertTrue(ToolAccess.callable(t, Set.of("crm", "mail")), "broader scopes grant the narrower ones");
        assertFalse(ToolAccess.callable(t, Set.of("crm.read")));
        assertFalse(ToolAccess.callable(t, Set.of("crm.read.own", "mail:send")), "narrower grants nothing broader");
        assertFalse(ToolAccess.callable(t, Agent.ANONYMOUS.scopes()));
    }

    @Test
    void aRefusalNamesEveryScopeTheToolNeedsAndIsA403() {
        JsonRpcException e = JsonRpcException.insufficientScope("t", tool("b", "a").scopes());
        assertEquals(403, e.httpStatus());
        assertEquals(java.util.List.of("b", "a"), java.util.List.copyOf(e.requiredScopes()), "in declared order");
        assertEquals(403, e.withId(jakarta.json.Json.createValue(7)).httpStatus());
        assertEquals(e.requiredScopes(), e.withId(jakarta.json.Json.createValue(7)).requiredScopes());
    }
}
