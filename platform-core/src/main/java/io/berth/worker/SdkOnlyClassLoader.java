package io.berth.worker;

import io.berth.sdk.ToolPlugin;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * A plugin's class loader inside the worker, as in the host's classloader tier: the JDK's platform loader is the
 * parent, {@code io.berth.sdk.*} is the one package taken from the worker's own class path, and everything else,
 * the worker's protocol classes included, stays invisible to the plugin.
 */
final class SdkOnlyClassLoader extends URLClassLoader {

    private static final String SDK_PACKAGE = ToolPlugin.class.getPackageName() + ".";
    private static final ClassLoader SDK_LOADER = ToolPlugin.class.getClassLoader();

    static {
        registerAsParallelCapable();
    }

    /** Constraint annotations on a plugin's argument records are the SDK's validation API: the worker's own copy. */
    private static final String VALIDATION_PACKAGE = "jakarta.validation.";

    SdkOnlyClassLoader(String name, URL jar) {
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
