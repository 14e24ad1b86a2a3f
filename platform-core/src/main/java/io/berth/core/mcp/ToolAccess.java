package io.berth.core.mcp;

import io.berth.core.identity.Scopes;
import io.berth.core.plugin.Deployed;
import io.berth.core.plugin.TenantCatalog;
import io.berth.sdk.Tool;

import java.util.Set;
import java.util.TreeSet;

/**
 * The one rule for "may this caller call this tool": the caller's granted scopes must grant every scope the tool
 * declares ({@link Tool#scopes()}), through Berth's scope hierarchy ({@link Scopes}). {@code tools/list} shows exactly
 * the tools that pass, and {@code tools/call} refuses the others with HTTP 403 and an {@code insufficient_scope}
 * challenge, on every era and transport. An anonymous caller has no scopes, so it sees and calls only tools that need
 * none. Prompts and resources declare no scopes (the SDK has none for them), so they are open to every authenticated
 * caller of the tenant.
 */
public final class ToolAccess {

    private ToolAccess() {
    }

    /** True when {@code grants} allow calling {@code tool}. */
    public static boolean callable(Tool tool, Set<String> grants) {
        return Scopes.allows(grants, tool.scopes());
    }

    /** The tool, if {@code grants} allow calling it; otherwise the 403 insufficient-scope refusal. */
    static Deployed<Tool> require(Deployed<Tool> tool, Set<String> grants) {
        if (!callable(tool.item(), grants)) {
            throw JsonRpcException.insufficientScope(tool.item().name(), tool.item().scopes());
        }
        return tool;
    }

    /**
     * Every scope the tenant's tools declare, sorted: the {@code scopes_supported} of its discovery documents and the
     * {@code scope} of its 401 challenges.
     */
    public static Set<String> scopesSupported(TenantCatalog catalog) {
        Set<String> scopes = new TreeSet<>();
        for (Deployed<Tool> t : catalog.tools()) {
            scopes.addAll(t.item().scopes());
        }
        return scopes;
    }
}
