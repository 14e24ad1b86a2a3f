package io.berth.core.mcp;

import io.berth.core.identity.Scopes;
import io.berth.core.plugin.Deployed;
import io.berth.core.plugin.TenantCatalog;
import io.berth.sdk.Offering;
import io.berth.sdk.Prompt;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.Tool;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one rule for "may this caller see and use this offering", for tools, resources, resource templates and prompts
 * alike: the caller's granted scopes must grant every scope the offering declares ({@link Offering#scopes()}), through
 * Berth's scope hierarchy ({@link Scopes}). Every list ({@code tools/list}, {@code resources/list},
 * {@code resources/templates/list}, {@code prompts/list}) shows exactly the offerings that pass ({@link #visible}), and
 * every use ({@code tools/call}, {@code resources/read}, {@code resources/subscribe}, {@code prompts/get},
 * {@code completion/complete}) of another is refused with HTTP 403 and an {@code insufficient_scope} challenge
 * ({@link #require}), on every era and transport. An anonymous caller has no scopes: it sees and uses only offerings
 * that need none.
 *
 * <p>A URI is resolved the same way for every caller (a fixed resource first, then the first matching template), and
 * only then is the rule applied: a URI whose resource or template the caller may not read is 403 naming that
 * offering's scopes, never "not found" and never served by another, broader template. So a URI always means one thing,
 * a scoped resource cannot be reached around its scope through an open template, and the caller learns which scope to
 * ask for, as for a tool it may not call.
 */
public final class OfferingAccess {

    private OfferingAccess() {
    }

    /** True when {@code grants} allow seeing and using {@code offering}. */
    public static boolean permits(Offering offering, Set<String> grants) {
        return Scopes.allows(grants, offering.scopes());
    }

    /**
     * The items of {@code all} (one of {@code catalog}'s lists) that {@code grants} permit, in order. A caller whose
     * grants cover every scope the catalog declares (or a catalog that declares none) gets the list itself, with no
     * check per item and no copy.
     */
    static <T extends Offering> List<Deployed<T>> visible(TenantCatalog catalog, List<Deployed<T>> all,
                                                          Set<String> grants) {
        if (Scopes.allows(grants, catalog.scopes())) {
            return all;
        }
        List<Deployed<T>> permitted = new ArrayList<>(all.size());
        for (Deployed<T> d : all) {
            if (permits(d.item(), grants)) {
                permitted.add(d);
            }
        }
        return permitted;
    }

    /** The offering, if {@code grants} permit it; otherwise the 403 insufficient-scope refusal. */
    static <T extends Offering> Deployed<T> require(Deployed<T> offering, Set<String> grants) {
        if (!permits(offering.item(), grants)) {
            throw JsonRpcException.insufficientScope(describe(offering.item()), offering.item().scopes());
        }
        return offering;
    }

    /** What a URI names, as {@link TenantCatalog#resolve} found it: the fixed resource or the template. */
    static Deployed<? extends Offering> offering(TenantCatalog.ResolvedResource resolved) {
        return resolved.resource() != null ? resolved.resource() : resolved.template();
    }

    /**
     * The scopes needed to read {@code uri} now (those of the resource or template it resolves to), or empty when the
     * tenant no longer offers it: what decides whether a {@code notifications/resources/updated} reaches a subscriber.
     */
    static Optional<Set<String>> scopesToRead(TenantCatalog catalog, String uri) {
        return catalog.resolve(uri).map(r -> offering(r).item().scopes());
    }

    /**
     * Refuses, before anything runs, a request that uses an offering {@code grants} do not permit (the 403 of
     * {@link #require}), so that the refusal can be the HTTP answer itself. Anything else passes here: an unknown
     * target or bad params are answered by the method.
     */
    static void check(TenantCatalog catalog, String method, JsonObject params, Set<String> grants) {
        Deployed<? extends Offering> target = switch (method) {
            case "tools/call" -> find(params, "name", catalog::tool);
            case "prompts/get" -> find(params, "name", catalog::prompt);
            case "resources/read", "resources/subscribe" -> params.get("uri") instanceof JsonString uri
                    ? catalog.resolve(uri.getString()).map(OfferingAccess::offering).orElse(null) : null;
            case "completion/complete" -> completed(catalog, params);
            default -> null;
        };
        if (target != null) {
            require(target, grants);
        }
    }

    /** The prompt or template a {@code completion/complete} names, or null. */
    private static Deployed<? extends Offering> completed(TenantCatalog catalog, JsonObject params) {
        if (!(params.get("ref") instanceof JsonObject ref) || !(ref.get("type") instanceof JsonString type)) {
            return null;
        }
        return switch (type.getString()) {
            case "ref/prompt" -> find(ref, "name", catalog::prompt);
            case "ref/resource" -> find(ref, "uri", catalog::template);
            default -> null;
        };
    }

    /** What the string {@code member} of {@code o} names, or null when it is absent, not a string or unknown. */
    private static <T extends Offering> Deployed<T> find(JsonObject o, String member,
                                                         Function<String, Optional<Deployed<T>>> lookup) {
        return o.get(member) instanceof JsonString s ? lookup.apply(s.getString()).orElse(null) : null;
    }

    /** How a refusal names the offering: its kind and what a client calls it by. */
    static String describe(Offering o) {
        if (o instanceof Tool t) {
            return "tool " + t.name();
        } else if (o instanceof Resource r) {
            return "resource " + r.uri();
        } else if (o instanceof ResourceTemplate t) {
            return "resource template " + t.uriTemplate();
        }
        return "prompt " + ((Prompt) o).name();
    }

    /**
     * Every scope the tenant's offerings declare, sorted: the {@code scopes_supported} of its discovery documents and
     * the {@code scope} of its 401 challenges.
     */
    public static Set<String> scopesSupported(TenantCatalog catalog) {
        return catalog.scopes();
    }
}
