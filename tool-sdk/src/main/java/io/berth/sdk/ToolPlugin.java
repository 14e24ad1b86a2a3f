package io.berth.sdk;

import java.util.List;

/**
 * The entry point of a plugin JAR, found through {@link java.util.ServiceLoader}. Each method is called once when the
 * plugin is loaded. Names (tools, prompts) and URIs (resources) must be unique within a tenant.
 */
public interface ToolPlugin {

    /** The tools this plugin offers. */
    List<Tool> tools();

    /** Resources with fixed URIs. */
    default List<Resource> resources() {
        return List.of();
    }

    /** Families of resources named by URI templates. */
    default List<ResourceTemplate> resourceTemplates() {
        return List.of();
    }

    /** Prompt templates. */
    default List<Prompt> prompts() {
        return List.of();
    }
}
