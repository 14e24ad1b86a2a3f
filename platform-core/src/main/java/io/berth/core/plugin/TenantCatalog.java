package io.berth.core.plugin;

import io.berth.sdk.Offering;
import io.berth.sdk.Prompt;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.Tool;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What one tenant's plugins offer: tools, resources, resource templates and prompts, each in a deterministic order
 * (MCP list results must not shuffle between calls). Immutable; replaced whole when plugins change.
 */
public final class TenantCatalog {

    public static final TenantCatalog EMPTY = new TenantCatalog(List.of(), List.of(), List.of(), List.of());

    private final List<Deployed<Tool>> tools;
    private final Map<String, Deployed<Tool>> toolsByName;
    private final List<Deployed<Resource>> resources;
    private final Map<String, Deployed<Resource>> resourcesByUri;
    private final List<Deployed<ResourceTemplate>> templates;
    private final List<UriTemplate> compiledTemplates;
    private final List<Deployed<Prompt>> prompts;
    private final Map<String, Deployed<Prompt>> promptsByName;
    private final Set<String> scopes;

    TenantCatalog(List<Deployed<Tool>> tools, List<Deployed<Resource>> resources,
                  List<Deployed<ResourceTemplate>> templates, List<Deployed<Prompt>> prompts) {
        this.tools = sorted(tools, t -> t.item().name());
        this.toolsByName = index(this.tools, t -> t.item().name());
        this.resources = sorted(resources, r -> r.item().uri());
        this.resourcesByUri = index(this.resources, r -> r.item().uri());
        this.templates = sorted(templates, t -> t.item().uriTemplate());
        this.compiledTemplates = this.templates.stream().map(t -> new UriTemplate(t.item().uriTemplate())).toList();
        this.prompts = sorted(prompts, p -> p.item().name());
        this.promptsByName = index(this.prompts, p -> p.item().name());
        this.scopes = union(this.tools, this.resources, this.templates, this.prompts);
    }

    /** A resource a URI names: a direct resource, or a template member with its variables. */
    public record ResolvedResource(Deployed<Resource> resource, Deployed<ResourceTemplate> template,
                                   Map<String, String> variables) {
    }

    public List<Deployed<Tool>> tools() {
        return tools;
    }

    public Optional<Deployed<Tool>> tool(String name) {
        return Optional.ofNullable(toolsByName.get(name));
    }

    public List<Deployed<Resource>> resources() {
        return resources;
    }

    public List<Deployed<ResourceTemplate>> templates() {
        return templates;
    }

    public Optional<Deployed<ResourceTemplate>> template(String uriTemplate) {
        return templates.stream().filter(t -> t.item().uriTemplate().equals(uriTemplate)).findFirst();
    }

    /** Direct resources win over templates; among templates the first in order that matches. */
    public Optional<ResolvedResource> resolve(String uri) {
        Deployed<Resource> direct = resourcesByUri.get(uri);
        if (direct != null) {
            return Optional.of(new ResolvedResource(direct, null, Map.of()));
        }
        for (int i = 0; i < templates.size(); i++) {
            Optional<Map<String, String>> vars = compiledTemplates.get(i).match(uri);
            if (vars.isPresent()) {
                return Optional.of(new ResolvedResource(null, templates.get(i), vars.get()));
            }
        }
        return Optional.empty();
    }

    public List<Deployed<Prompt>> prompts() {
        return prompts;
    }

    public Optional<Deployed<Prompt>> prompt(String name) {
        return Optional.ofNullable(promptsByName.get(name));
    }

    /**
     * Every scope the tenant's tools, resources, templates and prompts declare, sorted, unmodifiable: what its discovery
     * documents and 401 challenges name, and what a caller must hold to see everything without a check per item.
     */
    public Set<String> scopes() {
        return scopes;
    }

    @SafeVarargs
    private static Set<String> union(List<? extends Deployed<? extends Offering>>... kinds) {
        Set<String> all = new TreeSet<>();
        for (List<? extends Deployed<? extends Offering>> kind : kinds) {
            kind.forEach(d -> all.addAll(d.item().scopes()));
        }
        return Collections.unmodifiableSet(all);
    }

    private static <T> List<Deployed<T>> sorted(List<Deployed<T>> items, Function<Deployed<T>, String> key) {
        return items.stream().sorted(Comparator.comparing(key)).toList();
    }

    private static <T> Map<String, Deployed<T>> index(List<Deployed<T>> items, Function<Deployed<T>, String> key) {
        Map<String, Deployed<T>> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(key.apply(i), i));
        return Map.copyOf(map);
    }
}
