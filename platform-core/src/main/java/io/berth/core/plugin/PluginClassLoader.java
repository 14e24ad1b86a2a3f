package io.berth.core.plugin;

import io.berth.sdk.ToolPlugin;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * A plugin's own class loader. Its parent is the JDK's platform loader, so the plugin sees the JDK and its own JAR.
 * Two host packages are visible, taken from the host so that the types on both sides of a call are the same: the SDK
 * ({@code io.berth.sdk.*}) and Jakarta Validation ({@code jakarta.validation.*}, whose constraint annotations on a
 * plugin's argument records the SDK checks with the host's provider; the verifier lets plugin code reference only the
 * annotations). Nothing else of Berth, Liberty or the WAR's libraries is visible.
 */
final class PluginClassLoader extends URLClassLoader {

    private static final String SDK_PACKAGE = ToolPlugin.class.getPackageName() + ".";
    private static final String VALIDATION_PACKAGE = "jakarta.validation.";
    private static final ClassLoader SDK_LOADER = ToolPlugin.class.getClassLoader();

    static {
        registerAsParallelCapable();
    }

    PluginClassLoader(String name, URL jar) {
        super(name, new URL[] {jar}, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(SDK_PACKAGE) || name.startsWith(VALIDATION_PACKAGE)) {
            return SDK_LOADER.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
