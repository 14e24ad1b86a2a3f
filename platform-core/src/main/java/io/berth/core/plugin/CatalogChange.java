package io.berth.core.plugin;

import java.util.Objects;

/**
 * Something a tenant's agents may want to hear about: one of its lists changed, or the content of a resource
 * ({@code uri} set only for {@link Kind#RESOURCE_UPDATED}). Fired as a CDI event on every node.
 */
public record CatalogChange(String tenantId, Kind kind, String uri) {

    /** {@code PLUGINS}: the tenant's deployed plugins changed (announced only; observers see the list kinds). */
    public enum Kind {
        TOOLS, PROMPTS, RESOURCES, RESOURCE_UPDATED, PLUGINS;

        public static final java.util.List<Kind> LISTS = java.util.List.of(TOOLS, PROMPTS, RESOURCES);
    }

    public CatalogChange {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.RESOURCE_UPDATED) != (uri != null)) {
            throw new IllegalArgumentException("uri is set exactly for RESOURCE_UPDATED");
        }
    }

    String wire() {
        return tenantId + '\n' + kind.name() + '\n' + (uri == null ? "" : uri);
    }

    static CatalogChange fromWire(String wire) {
        String[] parts = wire.split("\n", 3);
        return new CatalogChange(parts[0], Kind.valueOf(parts[1]), parts[2].isEmpty() ? null : parts[2]);
    }
}
