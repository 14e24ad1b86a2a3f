package io.berth.core.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.plugin.Deployed;
import io.berth.core.plugin.TenantCatalog;
import io.berth.core.plugin.TestCatalogs;
import io.berth.sdk.Offering;
import io.berth.sdk.Prompt;
import io.berth.sdk.PromptResult;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolResult;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * One rule decides who sees and uses a tool, resource, resource template or prompt: the caller's scopes grant all of
 * the offering's, by the hierarchy. Lists and single uses agree for every kind.
 */
class OfferingAccessTest {

    private static final TenantCatalog CATALOG = TestCatalogs.of("t",
            List.of(tool("open_tool"), tool("crm_tool", "crm.read", "mail:send")),
            List.of(resource("notes://open"), resource("notes://secret", "notes.read")),
            List.of(template("notes://{id}/open"), template("secret://{id}", "notes.read")),
            List.of(prompt("open_prompt"), prompt("crm_prompt", "crm.read")));

    private static Tool tool(String name, String... scopes) {
        return Tool.builder(name).description("d").scopes(scopes).handler((call, context) -> ToolResult.text("x"))
                .build();
    }

    private static Resource resource(String uri, String... scopes) {
        return Resource.builder(uri, uri).reader((u, c) -> List.of()).scopes(scopes).build();
    }

    private static ResourceTemplate template(String uriTemplate, String... scopes) {
        return ResourceTemplate.builder(uriTemplate, uriTemplate).reader((u, v, c) -> List.of()).scopes(scopes)
                .build();
    }

    private static Prompt prompt(String name, String... scopes) {
        return Prompt.builder(name).handler((a, c) -> new PromptResult(null, List.of())).scopes(scopes).build();
    }

    @Test
    void everyKindFollowsTheSameRule() {
        for (Offering o : List.<Offering>of(tool("t", "crm.read", "mail:send"),
                Resource.builder("a://b", "b").reader((u, c) -> List.of()).scopes("crm.read", "mail:send").build(),
                template("a://{b}", "crm.read", "mail:send"), prompt("p", "crm.read", "mail:send"))) {
            assertTrue(OfferingAccess.permits(o, Set.of("crm.read", "mail:send")), o::toString);
            assertTrue(OfferingAccess.permits(o, Set.of("crm", "mail")), "broader scopes grant the narrower ones");
            assertFalse(OfferingAccess.permits(o, Set.of("crm.read")), "all of them are needed");
            assertFalse(OfferingAccess.permits(o, Set.of("crm.read.own", "mail:send")), "narrower grants nothing");
            assertFalse(OfferingAccess.permits(o, Agent.ANONYMOUS.scopes()));
        }
        assertTrue(OfferingAccess.permits(prompt("p"), Agent.ANONYMOUS.scopes()), "no scopes: everyone");
    }

    @Test
    void listsShowExactlyWhatSingleUsesAllow() {
        for (Set<String> grants : List.of(Set.<String>of(), Set.of("crm.read"), Set.of("notes"),
                Set.of("crm", "mail:send"), Set.of("crm", "mail", "notes.read"))) {
            agree(CATALOG.tools(), grants, n -> CATALOG.tool(n.item().name()));
            agree(CATALOG.resources(), grants, n -> CATALOG.resolve(n.item().uri()).map(r -> r.resource()));
            agree(CATALOG.templates(), grants, n -> CATALOG.template(n.item().uriTemplate()));
            agree(CATALOG.prompts(), grants, n -> CATALOG.prompt(n.item().name()));
        }
    }

    /** An item is listed exactly when using it by name is not refused. */
    private static <T extends Offering> void agree(List<Deployed<T>> all, Set<String> grants,
                                                   Function<Deployed<T>, Optional<Deployed<T>>> byName) {
        List<Deployed<T>> visible = OfferingAccess.visible(CATALOG, all, grants);
        for (Deployed<T> d : all) {
            Deployed<T> found = byName.apply(d).orElseThrow();
            boolean usable;
            try {
                OfferingAccess.require(found, grants);
                usable = true;
            } catch (JsonRpcException e) {
                assertEquals(403, e.httpStatus());
                assertEquals(d.item().scopes(), e.requiredScopes());
                usable = false;
            }
            assertEquals(usable, visible.contains(d), d.item() + " with " + grants);
        }
    }

    @Test
    void aCallerWithEveryScopeGetsTheListItselfAndAnonymousOnlyTheOpenOnes() {
        assertEquals(Set.of("crm.read", "mail:send", "notes.read"), CATALOG.scopes());
        assertSame(CATALOG.tools(), OfferingAccess.visible(CATALOG, CATALOG.tools(), Set.of("crm", "mail", "notes")));
        assertEquals(List.of("open_tool"), OfferingAccess.visible(CATALOG, CATALOG.tools(), Agent.ANONYMOUS.scopes())
                .stream().map(d -> d.item().name()).toList());
        assertEquals(List.of("notes://open"), OfferingAccess.visible(CATALOG, CATALOG.resources(), Set.of())
                .stream().map(d -> d.item().uri()).toList());
        assertEquals(List.of("notes://{id}/open"), OfferingAccess.visible(CATALOG, CATALOG.templates(), Set.of())
                .stream().map(d -> d.item().uriTemplate()).toList());
        assertEquals(List.of("open_prompt"), OfferingAccess.visible(CATALOG, CATALOG.prompts(), Set.of())
                .stream().map(d -> d.item().name()).toList());
    }

    @Test
    void theRequestCheckRefusesEveryKindOfUseBeforeAnythingRuns() {
        Set<String> none = Set.of();
        refused("tools/call", Json.createObjectBuilder().add("name", "crm_tool").build(), "tool crm_tool");
        refused("prompts/get", Json.createObjectBuilder().add("name", "crm_prompt").build(), "prompt crm_prompt");
        refused("resources/read", uri("notes://secret"), "resource notes://secret");
        refused("resources/subscribe", uri("secret://7"), "resource template secret://{id}");
        refused("completion/complete", completion("ref/prompt", "name", "crm_prompt"), "prompt crm_prompt");
        refused("completion/complete", completion("ref/resource", "uri", "secret://{id}"),
                "resource template secret://{id}");
        // Open, unknown or malformed targets pass: the method answers them.
        for (String[] pass : new String[][] {{"tools/call", "open_tool"}, {"tools/call", "nope"},
                {"prompts/get", "open_prompt"}}) {
            OfferingAccess.check(CATALOG, pass[0], Json.createObjectBuilder().add("name", pass[1]).build(), none);
        }
        OfferingAccess.check(CATALOG, "resources/read", uri("notes://open"), none);
        OfferingAccess.check(CATALOG, "resources/read", uri("unknown://x"), none);
        OfferingAccess.check(CATALOG, "tools/call", Json.createObjectBuilder().add("name", 7).build(), none);
        OfferingAccess.check(CATALOG, "completion/complete", Json.createObjectBuilder().add("ref", "x").build(), none);
        OfferingAccess.check(CATALOG, "tools/list", Json.createObjectBuilder().build(), none);
        OfferingAccess.check(CATALOG, "resources/read", uri("notes://secret"), Set.of("notes"));
    }

    @Test
    void aUriMeansOneOfferingForEveryCaller() {
        // notes://secret is a scoped resource; no open template may serve it to a caller without the scope.
        TenantCatalog shadowed = TestCatalogs.of("t", List.of(), List.of(resource("notes://secret", "notes.read")),
                List.of(template("notes://{id}")), List.of());
        assertEquals(Optional.of(Set.of("notes.read")), OfferingAccess.scopesToRead(shadowed, "notes://secret"));
        assertEquals(Optional.of(Set.of()), OfferingAccess.scopesToRead(shadowed, "notes://other"));
        assertEquals(Optional.empty(), OfferingAccess.scopesToRead(shadowed, "other://x"));
        JsonRpcException e = assertThrows(JsonRpcException.class,
                () -> OfferingAccess.check(shadowed, "resources/read", uri("notes://secret"), Set.of()));
        assertEquals(Set.of("notes.read"), e.requiredScopes());
    }

    private static JsonObject uri(String uri) {
        return Json.createObjectBuilder().add("uri", uri).build();
    }

    private static JsonObject completion(String type, String member, String value) {
        return Json.createObjectBuilder().add("ref", Json.createObjectBuilder().add("type", type).add(member, value))
                .add("argument", Json.createObjectBuilder().add("name", "id").add("value", "")).build();
    }

    private static void refused(String method, JsonObject params, String named) {
        JsonRpcException e = assertThrows(JsonRpcException.class,
                () -> OfferingAccess.check(CATALOG, method, params, Set.of("mail:send")), method);
        assertEquals(403, e.httpStatus());
        assertTrue(e.error().message().startsWith("Insufficient scope: the " + named + " needs the scopes "),
                e.error().message());
        assertFalse(e.requiredScopes().isEmpty());
    }
}
