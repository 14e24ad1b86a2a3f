package io.berth.core.plugin;

import io.berth.sdk.Resource;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolPlugin;
import io.berth.sdk.ToolResult;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** What schema pinning compares: a change of who may read a resource holds a version just as a tool's change does. */
class DeclarationsPinningTest {

    private static ToolPlugin plugin(String description, Resource... resources) {
        Tool tool = Tool.builder("t").description(description).handler((args, ctx) -> ToolResult.text("x")).build();
        return new ToolPlugin() {
            @Override
            public List<Tool> tools() {
                return List.of(tool);
            }

            @Override
            public List<Resource> resources() {
                return List.of(resources);
            }
        };
    }

    private static String pinned(ToolPlugin plugin) {
        return Declarations.pinned(Declarations.parse(Declarations.of(List.of(plugin)).toString()));
    }

    private static Resource notes(String... scopes) {
        return Resource.builder("test://notes", "notes").description("d").reader((uri, ctx) -> List.of()).scopes(scopes).build();
    }

    @Test
    void resourceScopesArePinnedButOtherResourceDetailsAreNot() {
        String before = pinned(plugin("d", notes("notes.read")));
        assertEquals(before, pinned(plugin("d", Resource.builder("test://notes", "renamed").description("other")
                .reader((uri, ctx) -> List.of()).scopes("notes.read").build())), "name/description of a resource: not pinned");
        assertNotEquals(before, pinned(plugin("d", notes())), "scopes dropped: pinned");
        assertNotEquals(before, pinned(plugin("d", notes("notes.read", "admin"))), "scopes widened: pinned");
        assertNotEquals(before, pinned(plugin("changed", notes("notes.read"))), "a tool's description: pinned");
    }

    @Test
    void anUnscopedResourceAddedDeploysAsBefore() {
        assertEquals(pinned(plugin("d")), pinned(plugin("d", notes())));
    }
}
