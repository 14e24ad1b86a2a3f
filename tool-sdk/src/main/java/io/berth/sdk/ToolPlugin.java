package io.berth.sdk;

import java.util.List;

/** The entry point of a plugin JAR, found through {@link java.util.ServiceLoader}. */
public interface ToolPlugin {

    /** The tools this plugin offers. Called once when the plugin is loaded; names must be unique within a tenant. */
    List<Tool> tools();
}
