/**
 * Tenant plugins: loading, the per-tenant tool catalog, and the one isolating wrapper every call into plugin code goes
 * through ({@link io.berth.core.plugin.PluginCalls}).
 *
 * <p>This is the classloader tier: each plugin JAR gets its own loader whose parent exposes only the JDK and the
 * {@code io.berth.sdk} packages. A class loader is not a security boundary (the Security Manager is gone); untrusted
 * code belongs in the worker tier of the plugin-runtime issue. Until uploads land, plugins are read at start-up from
 * {@code <berth.plugins.dir>/<tenant>/*.jar}; calls already take the dispatch path uploaded plugins will use.
 */
package io.berth.core.plugin;
