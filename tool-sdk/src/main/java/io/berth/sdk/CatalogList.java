package io.berth.sdk;

/** One of the lists a plugin declares, for {@link ToolContext#listChanged(CatalogList)}. */
public enum CatalogList {
    TOOLS,
    PROMPTS,
    RESOURCES
}
