package com.example.plugin;

import io.berth.sdk.Tool;
import io.berth.sdk.ToolPlugin;

import java.util.List;

/**
 * The plugin's entry point, named in {@code META-INF/services/io.berth.sdk.ToolPlugin}. Berth creates it once, with
 * this public no-argument constructor, and reads its declarations once when it loads the plugin.
 */
public final class TemplatePlugin implements ToolPlugin {

    @Override
    public List<Tool> tools() {
        return List.of(DraftEmail.tool());
    }
}
